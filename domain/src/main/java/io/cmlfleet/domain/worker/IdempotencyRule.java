package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import java.time.Instant;
import java.util.Objects;

/**
 * Re-delivery is harmless: observations carry the time they were taken, one older than or as old as the last
 * recorded one is ignored, and one that says nothing new records nothing, so that the history does not depend on
 * how often, or in which order, an observation arrives.
 *
 * <p>Each {@code saysSomethingNew} takes the event the command handler would record and tells whether to record it.
 */
final class IdempotencyRule {

    private IdempotencyRule() {
    }

    /** Whether an observation taken at {@code observedAt} is no newer than the last one, taken at {@code lastAt}. */
    static boolean isOutdated(Instant observedAt, Instant lastAt) {
        return lastAt != null && !observedAt.isAfter(lastAt);
    }

    /** A health result is news when it is newer and differs in status, endpoint, validity, licence or error. */
    static boolean saysSomethingNew(WorkerState state, ServiceHealthEvaluated evaluation) {
        ServiceHealthEvaluated last = state.lastHealthEvaluation();
        if (last == null) {
            return true;
        }
        if (isOutdated(evaluation.evaluatedAt(), last.evaluatedAt())) {
            return false;
        }
        // Latency is not compared: it differs every time and says nothing about the service.
        boolean sameOutcome = evaluation.newStatus() == state.serviceStatus()
                && last.endpoint().equals(state.endpoint())
                && evaluation.valid() == last.valid()
                && Objects.equals(evaluation.licensed(), last.licensed())
                && Objects.equals(evaluation.enterprise(), last.enterprise())
                && Objects.equals(evaluation.error(), last.error())
                && Objects.equals(evaluation.blockers(), last.blockers());
        return !sameOutcome;
    }

    /** CML facts are news when they are newer and differ in more than the facts that change by themselves. */
    static boolean saysSomethingNew(WorkerState state, CmlStatsRecorded stats) {
        if (isOutdated(stats.recordedAt(), state.cmlFactsRecordedAt())) {
            return false;
        }
        return state.cmlFacts() == null
                || !state.cmlFacts().withoutVolatileFacts().equals(stats.facts().withoutVolatileFacts());
    }

    /** A telemetry sample is news when it has a datapoint at all and is newer than the last sample. */
    static boolean saysSomethingNew(WorkerState state, TelemetryUpdated sample) {
        if (sample.cpuPercent() == null && sample.memoryPercent() == null) {
            return false; // CloudWatch had no datapoint: nothing was observed
        }
        TelemetryUpdated last = state.telemetry();
        return last == null || !isOutdated(sample.sampledAt(), last.sampledAt());
    }

    /** A refresh failure is news unless it is the very failure last recorded, delivered again. */
    static boolean saysSomethingNew(WorkerState state, RefreshFailed failure) {
        return !failure.equals(state.lastRefreshFailure());
    }

    /** A completed refresh is news unless it is the very refresh last recorded, delivered again. */
    static boolean saysSomethingNew(WorkerState state, RefreshCompleted refresh) {
        return !refresh.equals(state.lastRefresh());
    }
}
