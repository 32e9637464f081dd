package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerInputRules.notInFuture;
import static io.cmlfleet.domain.worker.WorkerInputRules.nonBlank;
import static io.cmlfleet.domain.worker.WorkerInputRules.optionalText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.cmlfleet.domain.worker.command.ConfigureIdleStop;
import io.cmlfleet.domain.worker.command.EvaluateIdleness;
import io.cmlfleet.domain.worker.command.RecordLifecycleActionFailure;
import io.cmlfleet.domain.worker.event.IdleStopConfigured;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.LifecycleActionFailed;
import io.cmlfleet.domain.worker.event.TelemetryThresholdBreached;
import io.cmlfleet.domain.worker.event.TelemetryThresholdRecovered;
import java.time.Duration;
import io.cmlfleet.domain.worker.command.ClearEndpoint;
import io.cmlfleet.domain.worker.command.ImportWorker;
import io.cmlfleet.domain.worker.command.MarkTerminated;
import io.cmlfleet.domain.worker.command.RecordCmlStats;
import io.cmlfleet.domain.worker.command.RecordEc2Observation;
import io.cmlfleet.domain.worker.command.RecordHealthEvaluation;
import io.cmlfleet.domain.worker.command.RecordRefreshCompleted;
import io.cmlfleet.domain.worker.command.RecordRefreshFailure;
import io.cmlfleet.domain.worker.command.RecordTelemetry;
import io.cmlfleet.domain.worker.command.RegisterWorker;
import io.cmlfleet.domain.worker.command.RequestLifecycleAction;
import io.cmlfleet.domain.worker.command.SetEndpointManually;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.InstanceStatusChecksChanged;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.NetworkAddressesChanged;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A CML worker: an EC2 instance running a CML controller. Every observation of it becomes an event; command handlers
 * validate and decide, and state changes only in the event sourcing handler, through {@link WorkerState}.
 *
 * <p>The handlers that record an observation answer with the {@link RefreshGateDecision} for the state that results
 * (an EC2 observation with an {@link Ec2ObservationResult}),
 * so that the refresh pipeline decides its next stage on exactly what the aggregate knows, without a read model lag.
 *
 * <p>Handlers take the {@link Clock} as a resource so that "not in the future" checks and operator-made events are
 * testable and consistent with the host's time source.
 */
public class CMLWorker {

    private static final String AUTO_POPULATION = "auto-population";

    @AggregateIdentifier
    private String workerId;
    private WorkerState state;

    protected CMLWorker() {
        // Required by Axon to rebuild the aggregate from its events.
    }

    @CommandHandler
    public CMLWorker(RegisterWorker command, Clock clock) {
        apply(created(WorkerOrigin.REGISTERED, command.workerId(), command.name(), command.region(),
                command.instanceId(), command.instanceType(), command.amiId(), command.amiName(), command.tags(),
                command.createdBy(), clock));
    }

    @CommandHandler
    public CMLWorker(ImportWorker command, Clock clock) {
        apply(created(WorkerOrigin.IMPORTED, command.workerId(), command.name(), command.region(),
                command.instanceId(), command.instanceType(), command.amiId(), command.amiName(), command.tags(),
                command.createdBy(), clock));
    }

    private static WorkerCreated created(WorkerOrigin origin, String workerId, String name, String region,
                                         String instanceId, String instanceType, String amiId, String amiName,
                                         Map<String, String> tags, String createdBy, Clock clock) {
        return new WorkerCreated(
                WorkerInputRules.workerId("workerId", workerId),
                nonBlank("name", name),
                WorkerInputRules.region("region", region),
                WorkerInputRules.instanceId("instanceId", instanceId),
                WorkerInputRules.instanceType("instanceType", instanceType),
                WorkerInputRules.amiId("amiId", amiId),
                amiName == null || amiName.isBlank() ? null : nonBlank("amiName", amiName),
                WorkerInputRules.tags("tags", tags),
                nonBlank("createdBy", createdBy),
                origin,
                clock.instant());
    }

    @CommandHandler
    public Ec2ObservationResult handle(RecordEc2Observation command, Clock clock) {
        requireNotTerminated("RecordEc2Observation");
        String ec2State = WorkerInputRules.required("ec2State", command.ec2State());
        if (command.ec2StateCode() != null && (command.ec2StateCode() < 0 || command.ec2StateCode() > 0xFFFF)) {
            throw new InvalidWorkerInputException("ec2StateCode",
                    "must be an EC2 state code from 0 to 65535 (got " + command.ec2StateCode() + ")");
        }
        String publicIp = WorkerInputRules.optionalIpAddress("publicIp", command.publicIp());
        String privateIp = WorkerInputRules.optionalIpAddress("privateIp", command.privateIp());
        Instant observedAt = notInFuture("observedAt", command.observedAt(), clock);
        String endpointBefore = state.endpoint();
        if (isNotNewer(observedAt, state.ec2ObservedAt())) {
            // A re-delivered or out-of-order observation: what it says is already known or outdated.
            return new Ec2ObservationResult(endpointBefore, state.refreshGate());
        }

        WorkerStatus from = state.status();
        WorkerStatus to = WorkerStatus.fromEc2State(ec2State, command.ec2StateCode());
        if (to != from) {
            apply(new StatusChanged(workerId, from, to, ec2State,
                    "EC2 reported instance state '" + ec2State + "'", observedAt));
        }
        if (!Objects.equals(publicIp, state.publicIp()) || !Objects.equals(privateIp, state.privateIp())) {
            apply(new NetworkAddressesChanged(workerId, state.publicIp(), publicIp, state.privateIp(), privateIp,
                    observedAt));
        }
        // A missing status check means "not observed this time" (DescribeInstances alone carries none), not a change.
        String systemCheck = orKnown(optionalText(command.systemStatusCheck()), state.systemStatusCheck());
        String instanceCheck = orKnown(optionalText(command.instanceStatusCheck()), state.instanceStatusCheck());
        if (!Objects.equals(systemCheck, state.systemStatusCheck())
                || !Objects.equals(instanceCheck, state.instanceStatusCheck())) {
            apply(new InstanceStatusChecksChanged(workerId, systemCheck, instanceCheck, observedAt));
        }
        followStatus(from, to, observedAt);
        if (to == WorkerStatus.RUNNING) {
            autoPopulateEndpoint(observedAt);
        }
        if (to == WorkerStatus.TERMINATED) {
            apply(new WorkerTerminated(workerId, "EC2 reported the instance terminated", observedAt));
        }
        return new Ec2ObservationResult(endpointBefore, state.refreshGate());
    }

    @CommandHandler
    public void handle(SetEndpointManually command, Clock clock) {
        requireNotTerminated("SetEndpointManually");
        String endpoint = WorkerInputRules.httpsEndpoint("endpoint", command.endpoint());
        String setBy = nonBlank("setBy", command.setBy());
        if (endpoint.equals(state.endpoint()) && state.endpointSource() == EndpointSource.MANUAL) {
            return;
        }
        boolean endpointChanges = !endpoint.equals(state.endpoint());
        Instant now = clock.instant();
        apply(new EndpointPopulated(workerId, endpoint, state.publicIp(), EndpointSource.MANUAL, setBy, now));
        if (endpointChanges) {
            markServiceUnavailable("endpoint changed to " + endpoint + " by " + setBy, now);
        }
    }

    @CommandHandler
    public void handle(ClearEndpoint command, Clock clock) {
        requireNotTerminated("ClearEndpoint");
        String clearedBy = nonBlank("clearedBy", command.clearedBy());
        String reason = optionalText(command.reason());
        if (state.endpoint() == null) {
            return;
        }
        Instant now = clock.instant();
        String why = "cleared by " + clearedBy + (reason == null ? "" : ": " + reason);
        apply(new EndpointCleared(workerId, state.endpoint(), state.endpointSource(), why, now));
        markServiceUnavailable("endpoint " + why, now);
    }

    @CommandHandler
    public RefreshGateDecision handle(RecordHealthEvaluation command, Clock clock) {
        requireNotTerminated("RecordHealthEvaluation");
        if (!command.reachable() && command.valid()) {
            throw new InvalidWorkerInputException("valid", "cannot be true when the controller was not reachable");
        }
        long latencyMillis = WorkerInputRules.nonNegative("latencyMillis", command.latencyMillis());
        Instant evaluatedAt = notInFuture("evaluatedAt", command.evaluatedAt(), clock);
        String error = optionalText(command.error());
        RefreshGateDecision gate = state.refreshGate();
        if (!gate.runHealthCheck()) {
            throw new WorkerStateConflictException(workerId,
                    "health evaluation not accepted: " + gate.healthCheckSkipReason());
        }
        ServiceHealthEvaluated last = state.lastHealthEvaluation();
        if (last != null && isNotNewer(evaluatedAt, last.evaluatedAt())) {
            return state.refreshGate();
        }
        CmlServiceStatus newStatus = CmlServiceStatus.fromHealthCheck(command.reachable(), command.valid());
        boolean nothingNew = last != null
                && newStatus == state.serviceStatus()
                && last.endpoint().equals(state.endpoint())
                && command.valid() == last.valid()
                && Objects.equals(command.licensed(), last.licensed())
                && Objects.equals(command.enterprise(), last.enterprise())
                && Objects.equals(error, last.error());
        if (nothingNew) {
            return state.refreshGate();
        }
        apply(new ServiceHealthEvaluated(workerId, state.endpoint(), state.serviceStatus(), newStatus,
                command.valid(), command.licensed(), command.enterprise(), error, latencyMillis, evaluatedAt));
        return state.refreshGate();
    }

    @CommandHandler
    public RefreshGateDecision handle(RecordCmlStats command, Clock clock) {
        requireNotTerminated("RecordCmlStats");
        CmlFacts facts = validated(WorkerInputRules.required("facts", command.facts()));
        Instant recordedAt = notInFuture("recordedAt", command.recordedAt(), clock);
        RefreshGateDecision gate = state.refreshGate();
        if (!gate.queryCmlApi()) {
            throw new WorkerStateConflictException(workerId, "CML stats not accepted: " + gate.cmlQuerySkipReason());
        }
        if (isNotNewer(recordedAt, state.cmlFactsRecordedAt())) {
            return state.refreshGate();
        }
        if (state.cmlFacts() != null
                && state.cmlFacts().withoutVolatileFacts().equals(facts.withoutVolatileFacts())) {
            return state.refreshGate();
        }
        apply(new CmlStatsRecorded(workerId, facts, recordedAt));
        return state.refreshGate();
    }

    private static CmlFacts validated(CmlFacts facts) {
        return new CmlFacts(
                optionalText(facts.version()),
                facts.ready(),
                facts.licensed(),
                facts.enterprise(),
                optionalText(facts.registrationStatus()),
                optionalText(facts.authorizationStatus()),
                WorkerInputRules.optionalNonNegative("facts.labsCount", facts.labsCount()),
                WorkerInputRules.optionalNonNegative("facts.nodesRunning", facts.nodesRunning()),
                WorkerInputRules.optionalNonNegative("facts.nodesTotal", facts.nodesTotal()),
                WorkerInputRules.optionalNonNegative("facts.allocatedCpus", facts.allocatedCpus()),
                WorkerInputRules.optionalNonNegative("facts.allocatedMemoryKib", facts.allocatedMemoryKib()),
                WorkerInputRules.optionalNonNegative("facts.uptimeSeconds", facts.uptimeSeconds()));
    }

    @CommandHandler
    public RefreshGateDecision handle(RecordTelemetry command, Clock clock) {
        requireNotTerminated("RecordTelemetry");
        Double cpu = WorkerInputRules.optionalPercentage("cpuPercent", command.cpuPercent());
        Double memory = WorkerInputRules.optionalPercentage("memoryPercent", command.memoryPercent());
        Instant sampledAt = notInFuture("sampledAt", command.sampledAt(), clock);
        long windowSeconds = WorkerInputRules.positive("windowSeconds", command.windowSeconds());
        Double cpuThreshold = WorkerInputRules.optionalPercentage("cpuThresholdPercent",
                command.cpuThresholdPercent());
        Double memoryThreshold = WorkerInputRules.optionalPercentage("memoryThresholdPercent",
                command.memoryThresholdPercent());
        if (cpu == null && memory == null) {
            return state.refreshGate(); // CloudWatch had no datapoint: nothing was observed
        }
        TelemetryUpdated last = state.telemetry();
        if (last != null && isNotNewer(sampledAt, last.sampledAt())) {
            return state.refreshGate();
        }
        apply(new TelemetryUpdated(workerId, cpu, memory, sampledAt, windowSeconds));
        followThreshold(TelemetryMetric.CPU, cpu, cpuThreshold, sampledAt);
        followThreshold(TelemetryMetric.MEMORY, memory, memoryThreshold, sampledAt);
        return state.refreshGate();
    }

    @CommandHandler
    public RefreshGateDecision handle(RecordRefreshFailure command, Clock clock) {
        requireNotTerminated("RecordRefreshFailure");
        RefreshStage stage = WorkerInputRules.required("stage", command.stage());
        String errorCode = nonBlank("errorCode", command.errorCode());
        String message = optionalText(WorkerInputRules.required("message", command.message()));
        Instant failedAt = notInFuture("failedAt", command.failedAt(), clock);
        RefreshFailed failure = new RefreshFailed(workerId, stage, errorCode, message,
                RefreshFailed.isRetryableErrorCode(errorCode), failedAt);
        if (failure.equals(state.lastRefreshFailure())) {
            return state.refreshGate(); // the same failure delivered twice
        }
        apply(failure);
        return state.refreshGate();
    }

    @CommandHandler
    public void handle(RecordRefreshCompleted command, Clock clock) {
        requireNotTerminated("RecordRefreshCompleted");
        RefreshTrigger trigger = WorkerInputRules.required("trigger", command.trigger());
        Instant startedAt = notInFuture("startedAt", command.startedAt(), clock);
        Instant completedAt = notInFuture("completedAt", command.completedAt(), clock);
        if (completedAt.isBefore(startedAt)) {
            throw new InvalidWorkerInputException("completedAt", "must not be before startedAt (" + completedAt
                    + " is before " + startedAt + ")");
        }
        List<RefreshStageOutcome> stages = WorkerInputRules.required("stages", command.stages()).stream()
                .map(outcome -> new RefreshStageOutcome(
                        WorkerInputRules.required("stages.stage", outcome.stage()),
                        WorkerInputRules.required("stages.result", outcome.result()),
                        optionalText(outcome.detail())))
                .toList();
        RefreshCompleted completed = new RefreshCompleted(workerId, trigger, startedAt, completedAt, stages);
        if (completed.equals(state.lastRefresh())) {
            return; // the same refresh delivered twice
        }
        apply(completed);
    }

    @CommandHandler
    public WorkerPlacement handle(RequestLifecycleAction command, Clock clock) {
        requireNotTerminated("RequestLifecycleAction");
        LifecycleAction action = WorkerInputRules.required("action", command.action());
        String requestedBy = nonBlank("requestedBy", command.requestedBy());
        String reason = optionalText(command.reason());
        Set<WorkerStatus> allowedFrom = switch (action) {
            case START -> EnumSet.of(WorkerStatus.STOPPED, WorkerStatus.UNKNOWN, WorkerStatus.FAILED);
            case STOP -> EnumSet.of(WorkerStatus.RUNNING, WorkerStatus.PENDING, WorkerStatus.STARTING,
                    WorkerStatus.UNKNOWN, WorkerStatus.FAILED);
            case TERMINATE -> EnumSet.complementOf(EnumSet.of(WorkerStatus.TERMINATED));
        };
        if (!allowedFrom.contains(state.status())) {
            throw new WorkerStateConflictException(workerId, "cannot " + action + " a worker that is "
                    + state.status() + " (" + action + " needs one of " + allowedFrom + ")");
        }
        apply(new LifecycleActionRequested(workerId, action, requestedBy, reason, clock.instant()));
        return placement();
    }

    @CommandHandler
    public void handle(RecordLifecycleActionFailure command, Clock clock) {
        requireNotTerminated("RecordLifecycleActionFailure");
        LifecycleAction action = WorkerInputRules.required("action", command.action());
        String errorCode = nonBlank("errorCode", command.errorCode());
        String message = optionalText(WorkerInputRules.required("message", command.message()));
        Instant failedAt = notInFuture("failedAt", command.failedAt(), clock);
        apply(new LifecycleActionFailed(workerId, action, errorCode, message, failedAt));
    }

    @CommandHandler
    public void handle(ConfigureIdleStop command, Clock clock) {
        requireNotTerminated("ConfigureIdleStop");
        String changedBy = nonBlank("changedBy", command.changedBy());
        if (command.enabled() != state.idleStopEnabled()) {
            apply(new IdleStopConfigured(workerId, command.enabled(), changedBy, clock.instant()));
        }
    }

    /**
     * Idle detection: a RUNNING worker whose CML has had no running nodes for {@code idleAfter} is stopped, when
     * idle stopping is on fleet-wide and for this worker, and not within {@code snoozeAfterResume} of its last resume.
     */
    @CommandHandler
    public IdleStopDecision handle(EvaluateIdleness command, Clock clock) {
        requireNotTerminated("EvaluateIdleness");
        Duration idleAfter = WorkerInputRules.required("idleAfter", command.idleAfter());
        if (idleAfter.isNegative() || idleAfter.isZero()) {
            throw new InvalidWorkerInputException("idleAfter", "must be positive (got " + idleAfter + ")");
        }
        Duration snooze = WorkerInputRules.required("snoozeAfterResume", command.snoozeAfterResume());
        if (snooze.isNegative()) {
            throw new InvalidWorkerInputException("snoozeAfterResume", "must not be negative (got " + snooze + ")");
        }
        Instant now = notInFuture("evaluatedAt", command.evaluatedAt(), clock);
        String notIdle = reasonNotToStop(command.enabledFleetWide(), idleAfter, snooze, now);
        if (notIdle != null) {
            return new IdleStopDecision(false, notIdle, placement());
        }
        Instant idleStart = latest(state.idleSince(), state.runningSince());
        long idleMinutes = Duration.between(idleStart, now).toMinutes();
        String reason = "no running CML nodes for " + idleMinutes + " min (idle limit " + idleAfter.toMinutes()
                + " min)";
        apply(new IdleStopTriggered(workerId, idleStart, idleMinutes, reason, now));
        apply(new LifecycleActionRequested(workerId, LifecycleAction.STOP, WorkerState.IDLE_POLICY, reason,
                clock.instant()));
        return new IdleStopDecision(true, reason, placement());
    }

    private String reasonNotToStop(boolean enabledFleetWide, Duration idleAfter, Duration snooze, Instant now) {
        if (!enabledFleetWide) {
            return "idle stopping is disabled fleet-wide";
        }
        if (!state.idleStopEnabled()) {
            return "idle stopping is disabled for this worker";
        }
        if (state.status() != WorkerStatus.RUNNING || state.runningSince() == null) {
            return "worker is " + state.status() + ", not RUNNING";
        }
        LifecycleActionRequested lastRequest = state.lastLifecycleRequest();
        if (lastRequest != null && lastRequest.action() == LifecycleAction.STOP
                && !lastRequest.requestedAt().isBefore(state.runningSince())) {
            return "a stop was already requested at " + lastRequest.requestedAt();
        }
        if (state.idleSince() == null) {
            return state.cmlFacts() == null || state.cmlFacts().nodesRunning() == null
                    ? "no lab activity known yet" : "lab activity: " + state.cmlFacts().nodesRunning()
                    + " nodes running";
        }
        Instant snoozedUntil = state.runningSince().plus(snooze);
        if (now.isBefore(snoozedUntil)) {
            return "snoozed until " + snoozedUntil + " after resume";
        }
        Duration idleFor = Duration.between(latest(state.idleSince(), state.runningSince()), now);
        if (idleFor.compareTo(idleAfter) < 0) {
            return "idle for " + idleFor.toMinutes() + " min of " + idleAfter.toMinutes() + " min";
        }
        return null;
    }

    private WorkerPlacement placement() {
        return new WorkerPlacement(workerId, state.region(), state.instanceId());
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @CommandHandler
    public void handle(MarkTerminated command, Clock clock) {
        requireNotTerminated("MarkTerminated");
        String reason = nonBlank("reason", command.reason());
        Instant terminatedAt = notInFuture("terminatedAt", command.terminatedAt(), clock);
        WorkerStatus from = state.status();
        if (from != WorkerStatus.TERMINATED) {
            apply(new StatusChanged(workerId, from, WorkerStatus.TERMINATED, null, reason, terminatedAt));
        }
        followStatus(from, WorkerStatus.TERMINATED, terminatedAt);
        apply(new WorkerTerminated(workerId, reason, terminatedAt));
    }

    @EventSourcingHandler
    void on(WorkerEvent event) {
        if (state == null) {
            state = new WorkerState();
        }
        state.apply(event);
        workerId = state.workerId();
    }

    /** Leaving RUNNING: an automatic endpoint goes (the public IP goes with it) and the service is unavailable. */
    private void followStatus(WorkerStatus from, WorkerStatus to, Instant at) {
        if (from != WorkerStatus.RUNNING || to == WorkerStatus.RUNNING) {
            return;
        }
        String why = "worker left RUNNING (now " + to + ")";
        if (state.endpointSource() == EndpointSource.AUTO) {
            apply(new EndpointCleared(workerId, state.endpoint(), EndpointSource.AUTO, why, at));
        }
        markServiceUnavailable(why, at);
    }

    /**
     * RUNNING: with no endpoint and a public IP, the endpoint becomes {@code https://<public-ip>}; an automatic
     * endpoint follows the public IP; a manual endpoint is never touched.
     */
    private void autoPopulateEndpoint(Instant at) {
        if (state.endpointSource() == EndpointSource.MANUAL) {
            return;
        }
        String publicIp = state.publicIp();
        if (publicIp == null) {
            if (state.endpointSource() == EndpointSource.AUTO) {
                apply(new EndpointCleared(workerId, state.endpoint(), EndpointSource.AUTO,
                        "public IP released", at));
                markServiceUnavailable("public IP released", at);
            }
            return;
        }
        String derived = httpsEndpointFor(publicIp);
        if (derived.equals(state.endpoint())) {
            return;
        }
        boolean replacing = state.endpoint() != null;
        apply(new EndpointPopulated(workerId, derived, publicIp, EndpointSource.AUTO, AUTO_POPULATION, at));
        if (replacing) {
            markServiceUnavailable("public IP changed to " + publicIp, at);
        }
    }

    /** Breaches are edges: recorded when a metric reaches its threshold, and again when it falls back below. */
    private void followThreshold(TelemetryMetric metric, Double value, Double threshold, Instant sampledAt) {
        if (value == null || threshold == null) {
            return;
        }
        boolean breached = value >= threshold;
        if (breached && !state.isBreached(metric)) {
            apply(new TelemetryThresholdBreached(workerId, metric, value, threshold, sampledAt));
        } else if (!breached && state.isBreached(metric)) {
            apply(new TelemetryThresholdRecovered(workerId, metric, value, threshold, sampledAt));
        }
    }

    private void markServiceUnavailable(String reason, Instant at) {
        if (state.serviceStatus() != CmlServiceStatus.UNAVAILABLE) {
            apply(new ServiceMarkedUnavailable(workerId, state.serviceStatus(), reason, at));
        }
    }

    /** {@code https://<ip>}; IPv6 literals go in brackets as URLs require. */
    static String httpsEndpointFor(String publicIp) {
        return publicIp.indexOf(':') >= 0 ? "https://[" + publicIp + "]" : "https://" + publicIp;
    }

    private void requireNotTerminated(String commandName) {
        if (state.isTerminated()) {
            throw new WorkerStateConflictException(workerId, "is TERMINATED (since " + state.terminatedAt()
                    + "); " + commandName + " rejected");
        }
    }

    private static boolean isNotNewer(Instant candidate, Instant known) {
        return known != null && !candidate.isAfter(known);
    }

    private static String orKnown(String observed, String known) {
        return observed != null ? observed : known;
    }
}
