package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerInputRules.notInFuture;
import static io.cmlfleet.domain.worker.WorkerInputRules.optionalPercentage;
import static io.cmlfleet.domain.worker.WorkerInputRules.optionalText;
import static io.cmlfleet.domain.worker.WorkerInputRules.required;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.cmlfleet.domain.worker.command.EvaluateIdleness;
import io.cmlfleet.domain.worker.command.RecordCmlStats;
import io.cmlfleet.domain.worker.command.RecordHealthEvaluation;
import io.cmlfleet.domain.worker.command.RecordRefreshCompleted;
import io.cmlfleet.domain.worker.command.RecordRefreshFailure;
import io.cmlfleet.domain.worker.command.RecordTelemetry;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * How a worker records what a refresh observed after EC2: health, CML facts, stage failures, telemetry, idleness and
 * the refresh's completion. The aggregate's single-observation handlers and the bundled {@code RecordRefreshResults}
 * both record through here, so either way the same observation leaves the same history.
 *
 * <p>Each method validates, asks the rule that decides and applies its events; the fold updates {@code state} as
 * each event is applied, so a later part is decided on what an earlier one recorded.
 */
final class ObservationRecorder {

    private final WorkerState state;
    private final Clock clock;

    ObservationRecorder(WorkerState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    RefreshGateDecision health(RecordHealthEvaluation command) {
        boolean valid = WorkerInputRules.validOnlyIfReachable("valid", command.valid(), command.reachable());
        long latencyMillis = WorkerInputRules.nonNegative("latencyMillis", command.latencyMillis());
        Instant evaluatedAt = notInFuture("evaluatedAt", command.evaluatedAt(), clock);
        RefreshGateDecision gate = state.refreshGate();
        rejectUnless(gate.runHealthCheck(), "health evaluation not accepted: " + gate.healthCheckSkipReason());
        // Readiness is only judged for a controller that answered: an unreachable one has nothing to say about it.
        List<String> blockers = command.reachable() ? ControllerReadinessRule.blockers(command.readiness()) : List.of();
        // The blockers say more precisely than CML's own "valid: false" why the service is in ERROR.
        String error = blockers.isEmpty() ? optionalText(command.error())
                : optionalText(ControllerReadinessRule.summary(blockers));
        ServiceHealthEvaluated evaluation = new ServiceHealthEvaluated(state.workerId(), state.endpoint(),
                state.serviceStatus(), CmlServiceStatus.fromHealthCheck(command.reachable(), valid, blockers), valid,
                command.licensed(), command.enterprise(), error, latencyMillis, evaluatedAt,
                command.readiness() == null ? null : blockers);
        applyIf(IdempotencyRule.saysSomethingNew(state, evaluation), evaluation);
        return state.refreshGate();
    }

    RefreshGateDecision cmlStats(RecordCmlStats command) {
        CmlFacts facts = WorkerInputRules.cmlFacts("facts", command.facts());
        Instant recordedAt = notInFuture("recordedAt", command.recordedAt(), clock);
        RefreshGateDecision gate = state.refreshGate();
        rejectUnless(gate.queryCmlApi(), "CML stats not accepted: " + gate.cmlQuerySkipReason());
        CmlStatsRecorded stats = new CmlStatsRecorded(state.workerId(), facts, recordedAt);
        applyIf(IdempotencyRule.saysSomethingNew(state, stats), stats);
        return state.refreshGate();
    }

    /**
     * Records the sample unless it is empty, old, or (with {@code minChangePoints} > 0, and no threshold crossed) too
     * close to the last recorded one.
     *
     * @return null when the sample was recorded, otherwise why not, in words for the refresh's stage outcome
     */
    String telemetry(RecordTelemetry command, double minChangePoints) {
        Double cpu = optionalPercentage("cpuPercent", command.cpuPercent());
        Double memory = optionalPercentage("memoryPercent", command.memoryPercent());
        Instant sampledAt = notInFuture("sampledAt", command.sampledAt(), clock);
        long windowSeconds = WorkerInputRules.positive("windowSeconds", command.windowSeconds());
        Double cpuThreshold = optionalPercentage("cpuThresholdPercent", command.cpuThresholdPercent());
        Double memoryThreshold = optionalPercentage("memoryThresholdPercent", command.memoryThresholdPercent());
        TelemetryUpdated sample = new TelemetryUpdated(state.workerId(), cpu, memory, sampledAt, windowSeconds);
        if (!IdempotencyRule.saysSomethingNew(state, sample)) {
            return cpu == null && memory == null ? "no datapoint in the window"
                    : "not newer than the last recorded sample";
        }
        List<WorkerEvent> crossings = TelemetryThresholdRule.crossings(state, sample, cpuThreshold, memoryThreshold);
        if (crossings.isEmpty() && !TelemetryChangeRule.movedEnough(state.telemetry(), sample, minChangePoints)) {
            return TelemetryChangeRule.describeUnrecorded(sample, minChangePoints);
        }
        apply(sample);
        crossings.forEach(AggregateLifecycle::apply);
        return null;
    }

    RefreshGateDecision failure(RecordRefreshFailure command) {
        RefreshStage stage = required("stage", command.stage());
        String errorCode = WorkerInputRules.errorCode("errorCode", command.errorCode());
        String message = WorkerInputRules.reportedText("message", command.message());
        Instant failedAt = notInFuture("failedAt", command.failedAt(), clock);
        RefreshFailed failure = new RefreshFailed(state.workerId(), stage, errorCode, message,
                RefreshFailed.isRetryableErrorCode(errorCode), failedAt);
        applyIf(IdempotencyRule.saysSomethingNew(state, failure), failure);
        return state.refreshGate();
    }

    void completed(RecordRefreshCompleted command) {
        RefreshTrigger trigger = required("trigger", command.trigger());
        Instant startedAt = notInFuture("startedAt", command.startedAt(), clock);
        Instant completedAt = WorkerInputRules.notBefore("completedAt",
                notInFuture("completedAt", command.completedAt(), clock), "startedAt", startedAt);
        List<RefreshStageOutcome> stages = WorkerInputRules.refreshStages("stages", command.stages());
        RefreshCompleted completed = new RefreshCompleted(state.workerId(), trigger, startedAt, completedAt, stages);
        applyIf(IdempotencyRule.saysSomethingNew(state, completed), completed);
    }

    IdleStopDecision idleness(EvaluateIdleness command) {
        WorkerInputRules.positive("idleAfter", command.idleAfter());
        WorkerInputRules.nonNegative("snoozeAfterResume", command.snoozeAfterResume());
        WorkerInputRules.nonNegative("gracePeriod", command.gracePeriod());
        Instant evaluatedAt = notInFuture("evaluatedAt", command.evaluatedAt(), clock);
        UserActivityRule.observed(state, command.lastActivity(), evaluatedAt).ifPresent(AggregateLifecycle::apply);
        IdleStopVerdict verdict = IdleStopRule.evaluate(state, command, clock.instant());
        verdict.events().forEach(AggregateLifecycle::apply);
        IdleWatch idle = state.idle();
        return new IdleStopDecision(verdict.stop(), verdict.reason(),
                new WorkerPlacement(state.workerId(), state.region(), state.instanceId()), verdict.announce(),
                verdict.withdraw(), idle.plannedStopAt(), state.endpoint());
    }

    /** The time of an outcome the worker records itself, such as a malformed part of a refresh's results. */
    Instant now() {
        return clock.instant();
    }

    private static void applyIf(boolean condition, WorkerEvent event) {
        if (condition) {
            apply(event);
        }
    }

    private void rejectUnless(boolean allowed, String why) {
        if (!allowed) {
            throw new WorkerStateConflictException(state.workerId(), why);
        }
    }
}
