package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerInputRules.nonBlank;
import static io.cmlfleet.domain.worker.WorkerInputRules.notInFuture;
import static io.cmlfleet.domain.worker.WorkerInputRules.optionalText;
import static io.cmlfleet.domain.worker.WorkerInputRules.required;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.cmlfleet.domain.worker.command.ClearEndpoint;
import io.cmlfleet.domain.worker.command.ConfigureIdleStop;
import io.cmlfleet.domain.worker.command.EvaluateIdleness;
import io.cmlfleet.domain.worker.command.ImportWorker;
import io.cmlfleet.domain.worker.command.MarkTerminated;
import io.cmlfleet.domain.worker.command.PrepareLabAction;
import io.cmlfleet.domain.worker.command.RecordCmlStats;
import io.cmlfleet.domain.worker.command.RecordEc2Observation;
import io.cmlfleet.domain.worker.command.RecordHealthEvaluation;
import io.cmlfleet.domain.worker.command.RecordLabAction;
import io.cmlfleet.domain.worker.command.RecordLabInventory;
import io.cmlfleet.domain.worker.command.RecordLicence;
import io.cmlfleet.domain.worker.command.RecordLicenceOperationOutcome;
import io.cmlfleet.domain.worker.command.RecordLifecycleActionFailure;
import io.cmlfleet.domain.worker.command.RecordRefreshCompleted;
import io.cmlfleet.domain.worker.command.RecordRefreshFailure;
import io.cmlfleet.domain.worker.command.RecordRefreshResults;
import io.cmlfleet.domain.worker.command.RecordTelemetry;
import io.cmlfleet.domain.worker.command.RegisterWorker;
import io.cmlfleet.domain.worker.command.RequestLicenceOperation;
import io.cmlfleet.domain.worker.command.RequestLifecycleAction;
import io.cmlfleet.domain.worker.command.SetEndpointManually;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.IdleStopConfigured;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.InstanceStatusChecksChanged;
import io.cmlfleet.domain.worker.event.LabActionRecorded;
import io.cmlfleet.domain.worker.event.LabInventoryChanged;
import io.cmlfleet.domain.worker.event.LicenceOperationFinished;
import io.cmlfleet.domain.worker.event.LicenceOperationRequested;
import io.cmlfleet.domain.worker.event.LicenceStateChanged;
import io.cmlfleet.domain.worker.event.LifecycleActionFailed;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.NetworkAddressesChanged;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.TelemetryThresholdBreached;
import io.cmlfleet.domain.worker.event.TelemetryThresholdRecovered;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import io.cmlfleet.domain.worker.event.WorkerEventFold;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

/**
 * A CML worker: an EC2 instance running a CML controller. Every observation of it becomes an event.
 *
 * <p>Each command handler validates its input ({@link WorkerInputRules}), asks the rule that decides (a pure
 * function of {@link WorkerState}, in a {@code *Rule} or {@link LifecycleTransitions}) and applies the events it
 * returns. State changes only in the event sourcing handlers, one per event type, each folding its event into the
 * state; as a {@link WorkerEventFold}, the class does not compile while an event type lacks one.
 *
 * <p>Recording handlers answer with the {@link RefreshGateDecision} on the resulting state (an EC2 observation with
 * an {@link Ec2ObservationResult}), so that the refresh pipeline decides its next stage on exactly what the
 * aggregate knows, without a read model lag. Handlers take the {@link Clock} as a resource so that "not in the
 * future" checks and operator-made events are testable and follow the host's time source.
 */
public class CMLWorker implements WorkerEventFold {

    @AggregateIdentifier
    private String workerId;
    private WorkerState state = new WorkerState();

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

    /** A TERMINATED worker is gone for good: it accepts no command, whichever handler would take it. */
    @CommandHandlerInterceptor
    void rejectEveryCommandOnceTerminated(CommandMessage<?> command) {
        if (state.isTerminated()) {
            reject("is TERMINATED (since " + state.terminatedAt() + "); " + command.getPayloadType().getSimpleName()
                    + " rejected");
        }
    }

    @CommandHandler
    public Ec2ObservationResult handle(RecordEc2Observation command, Clock clock) {
        RecordEc2Observation observation = new RecordEc2Observation(workerId,
                WorkerInputRules.ec2State("ec2State", command.ec2State()),
                WorkerInputRules.optionalEc2StateCode("ec2StateCode", command.ec2StateCode()),
                WorkerInputRules.optionalIpAddress("publicIp", command.publicIp()),
                WorkerInputRules.optionalIpAddress("privateIp", command.privateIp()),
                optionalText(command.systemStatusCheck()),
                optionalText(command.instanceStatusCheck()),
                notInFuture("observedAt", command.observedAt(), clock));
        String endpointBefore = state.endpoint();
        if (!IdempotencyRule.isOutdated(observation.observedAt(), state.ec2ObservedAt())) {
            WorkerStatus statusBefore = state.status();
            applyAll(Ec2ObservationRule.changes(state, observation));
            applyAll(EndpointRule.followStatusAndPublicIp(state, statusBefore, observation.observedAt()));
            applyAll(Ec2ObservationRule.termination(state, observation));
        }
        return new Ec2ObservationResult(endpointBefore, state.refreshGate());
    }

    @CommandHandler
    public void handle(MarkTerminated command, Clock clock) {
        String reason = nonBlank("reason", command.reason());
        Instant terminatedAt = notInFuture("terminatedAt", command.terminatedAt(), clock);
        WorkerStatus statusBefore = state.status();
        if (statusBefore != WorkerStatus.TERMINATED) {
            apply(new StatusChanged(workerId, statusBefore, WorkerStatus.TERMINATED, null, reason, terminatedAt));
        }
        applyAll(EndpointRule.followStatusAndPublicIp(state, statusBefore, terminatedAt));
        apply(new WorkerTerminated(workerId, reason, terminatedAt));
    }

    @CommandHandler
    public void handle(SetEndpointManually command, Clock clock) {
        String endpoint = WorkerInputRules.httpsEndpoint("endpoint", command.endpoint());
        String setBy = nonBlank("setBy", command.setBy());
        applyAll(EndpointRule.setManually(state, endpoint, setBy, clock.instant()));
    }

    @CommandHandler
    public void handle(ClearEndpoint command, Clock clock) {
        String clearedBy = nonBlank("clearedBy", command.clearedBy());
        String reason = optionalText("reason", command.reason());
        applyAll(EndpointRule.clearByOperator(state, clearedBy, reason, clock.instant()));
    }

    @CommandHandler
    public RefreshGateDecision handle(RecordHealthEvaluation command, Clock clock) {
        return new ObservationRecorder(state, clock).health(command);
    }

    @CommandHandler
    public RefreshGateDecision handle(RecordCmlStats command, Clock clock) {
        return new ObservationRecorder(state, clock).cmlStats(command);
    }

    @CommandHandler
    public RefreshGateDecision handle(RecordTelemetry command, Clock clock) {
        new ObservationRecorder(state, clock).telemetry(command, 0);
        return state.refreshGate();
    }

    @CommandHandler
    public RefreshGateDecision handle(RecordRefreshFailure command, Clock clock) {
        return new ObservationRecorder(state, clock).failure(command);
    }

    @CommandHandler
    public void handle(RecordRefreshCompleted command, Clock clock) {
        new ObservationRecorder(state, clock).completed(command);
    }

    /** A refresh's results after its EC2 observation, in one command: see {@link RefreshResultsRecorder}. */
    @CommandHandler
    public RefreshResultsRecorded handle(RecordRefreshResults command, Clock clock) {
        return new RefreshResultsRecorder(state, new ObservationRecorder(state, clock), command.completed())
                .record(command);
    }

    @CommandHandler
    public WorkerPlacement handle(RequestLifecycleAction command, Clock clock) {
        LifecycleAction action = required("action", command.action());
        String requestedBy = nonBlank("requestedBy", command.requestedBy());
        String reason = optionalText("reason", command.reason());
        LifecycleTransitions.refusal(state, action).ifPresent(this::reject);
        apply(new LifecycleActionRequested(workerId, action, requestedBy, reason, clock.instant()));
        return placement();
    }

    @CommandHandler
    public void handle(RecordLifecycleActionFailure command, Clock clock) {
        LifecycleAction action = required("action", command.action());
        String errorCode = WorkerInputRules.errorCode("errorCode", command.errorCode());
        String message = WorkerInputRules.reportedText("message", command.message());
        Instant failedAt = notInFuture("failedAt", command.failedAt(), clock);
        apply(new LifecycleActionFailed(workerId, action, errorCode, message, failedAt));
    }

    @CommandHandler
    public void handle(ConfigureIdleStop command, Clock clock) {
        String changedBy = nonBlank("changedBy", command.changedBy());
        applyIf(command.enabled() != state.idleStopEnabled(),
                new IdleStopConfigured(workerId, command.enabled(), changedBy, clock.instant()));
    }

    /** A snooze is recorded here; a pending warning is withdrawn by the next evaluation, which lifts CML's too. */
    @CommandHandler
    public Instant handle(io.cmlfleet.domain.worker.command.SnoozeIdleStop command, Clock clock) {
        java.time.Duration duration = IdleInputRules.snooze("duration", command.duration());
        String snoozedBy = nonBlank("snoozedBy", command.snoozedBy());
        String reason = optionalText("reason", command.reason());
        Instant now = clock.instant();
        apply(new io.cmlfleet.domain.worker.event.IdleStopSnoozed(workerId, now.plus(duration), snoozedBy, reason,
                now));
        return now.plus(duration);
    }

    @CommandHandler
    public IdleStopDecision handle(EvaluateIdleness command, Clock clock) {
        return new ObservationRecorder(state, clock).idleness(command);
    }

    /** Checks a lab action before the application performs it; appends nothing, answers where to send it. */
    @CommandHandler
    public LabActionTarget handle(PrepareLabAction command) {
        LabAction action = required("action", command.action());
        String labId = LabInputRules.labIdFor(action, command.labId());
        if (action == LabAction.IMPORT) {
            LabInputRules.title("title", command.title());
        }
        nonBlank("requestedBy", command.requestedBy());
        optionalText("reason", command.reason());
        LabActionRule.refusal(state, action, labId).ifPresent(this::reject);
        return new LabActionTarget(workerId, state.endpoint());
    }

    @CommandHandler
    public void handle(RecordLabAction command, Clock clock) {
        LabAction action = required("action", command.action());
        LabOutcome outcome = required("outcome", command.outcome());
        boolean succeeded = outcome == LabOutcome.SUCCEEDED;
        // A failed import has no lab id; every other record names its lab.
        String labId = action == LabAction.IMPORT && !succeeded && command.labId() == null
                ? null : LabInputRules.labId("labId", command.labId());
        String title = LabInputRules.reportedTitle(command.labTitle());
        LabFacts lab = command.lab() == null ? null : LabInputRules.labFacts("lab", command.lab());
        apply(new LabActionRecorded(workerId, action, labId, title, nonBlank("requestedBy", command.requestedBy()),
                optionalText("reason", command.reason()), outcome, lab,
                succeeded ? null : WorkerInputRules.errorCode("errorCode", command.errorCode()),
                succeeded ? null : WorkerInputRules.reportedText("message", command.message()),
                notInFuture("performedAt", command.performedAt(), clock)));
    }

    @CommandHandler
    public void handle(RecordLabInventory command, Clock clock) {
        List<LabFacts> labs = LabInputRules.labFacts("labs", command.labs());
        Instant observedAt = notInFuture("observedAt", command.observedAt(), clock);
        LabActionRule.listingRefusal(state).ifPresent(this::reject);
        LabActionRule.inventoryChange(state, labs, observedAt).ifPresent(AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(RecordLicence command, Clock clock) {
        LicenceFacts licence = LicenceInputRules.licence("licence", command.licence());
        java.time.Duration horizon = WorkerInputRules.positive("horizon", command.horizon());
        Instant observedAt = notInFuture("observedAt", command.observedAt(), clock);
        LabActionRule.listingRefusal(state).ifPresent(this::reject);
        LicenceHealthRule.change(state, licence, horizon, observedAt).ifPresent(AggregateLifecycle::apply);
    }

    /** Accepts a licence operation before the application performs it; answers where to send it. */
    @CommandHandler
    public LicenceOperationTarget handle(RequestLicenceOperation command, Clock clock) {
        LicenceOperation operation = required("operation", command.operation());
        String requestedBy = nonBlank("requestedBy", command.requestedBy());
        String reason = optionalText("reason", command.reason());
        LicenceOperationRule.refusal(state, operation).ifPresent(this::reject);
        apply(new LicenceOperationRequested(workerId, operation,
                operation == LicenceOperation.REGISTER && command.reregister(), requestedBy, reason, clock.instant()));
        return new LicenceOperationTarget(workerId, state.endpoint());
    }

    @CommandHandler
    public void handle(RecordLicenceOperationOutcome command, Clock clock) {
        LicenceOperation operation = required("operation", command.operation());
        LicenceOperationOutcome outcome = required("outcome", command.outcome());
        apply(new LicenceOperationFinished(workerId, operation, nonBlank("requestedBy", command.requestedBy()),
                outcome, LicenceInputRules.status(command.registrationStatus()),
                LicenceInputRules.status(command.authorizationStatus()), optionalText(command.message()),
                notInFuture("finishedAt", command.finishedAt(), clock)));
    }

    /** What this worker knows, as the stored snapshot shape. */
    public WorkerSnapshot snapshot() {
        return WorkerSnapshot.of(state);
    }

    // Event sourcing: a snapshot, when the store has one, then one handler per event type, each folding its event.

    @EventSourcingHandler
    public void on(WorkerSnapshot snapshot) {
        state = snapshot.toState();
        workerId = state.workerId();
    }

    @EventSourcingHandler
    public void on(WorkerCreated event) {
        workerId = event.workerId();
        state.on(event);
    }

    @EventSourcingHandler public void on(StatusChanged event) { state.on(event); }
    @EventSourcingHandler public void on(NetworkAddressesChanged event) { state.on(event); }
    @EventSourcingHandler public void on(InstanceStatusChecksChanged event) { state.on(event); }
    @EventSourcingHandler public void on(EndpointPopulated event) { state.on(event); }
    @EventSourcingHandler public void on(EndpointCleared event) { state.on(event); }
    @EventSourcingHandler public void on(ServiceHealthEvaluated event) { state.on(event); }
    @EventSourcingHandler public void on(ServiceMarkedUnavailable event) { state.on(event); }
    @EventSourcingHandler public void on(CmlStatsRecorded event) { state.on(event); }
    @EventSourcingHandler public void on(TelemetryUpdated event) { state.on(event); }
    @EventSourcingHandler public void on(RefreshFailed event) { state.on(event); }
    @EventSourcingHandler public void on(LifecycleActionRequested event) { state.on(event); }
    @EventSourcingHandler public void on(WorkerTerminated event) { state.on(event); }
    @EventSourcingHandler public void on(RefreshCompleted event) { state.on(event); }
    @EventSourcingHandler public void on(LifecycleActionFailed event) { state.on(event); }
    @EventSourcingHandler public void on(IdleStopConfigured event) { state.on(event); }
    @EventSourcingHandler public void on(IdleStopTriggered event) { state.on(event); }
    @EventSourcingHandler public void on(io.cmlfleet.domain.worker.event.UserActivityObserved event) { state.on(event); }
    @EventSourcingHandler public void on(io.cmlfleet.domain.worker.event.IdleStopWarned event) { state.on(event); }
    @EventSourcingHandler public void on(io.cmlfleet.domain.worker.event.IdleStopCancelled event) { state.on(event); }
    @EventSourcingHandler public void on(io.cmlfleet.domain.worker.event.IdleStopSnoozed event) { state.on(event); }
    @EventSourcingHandler public void on(TelemetryThresholdBreached event) { state.on(event); }
    @EventSourcingHandler public void on(TelemetryThresholdRecovered event) { state.on(event); }
    @EventSourcingHandler public void on(LabActionRecorded event) { state.on(event); }
    @EventSourcingHandler public void on(LabInventoryChanged event) { state.on(event); }
    @EventSourcingHandler public void on(LicenceStateChanged event) { state.on(event); }
    @EventSourcingHandler public void on(LicenceOperationRequested event) { state.on(event); }
    @EventSourcingHandler public void on(LicenceOperationFinished event) { state.on(event); }

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

    /** Applies a rule's events in the order the rule gave them. */
    private static void applyAll(List<WorkerEvent> events) {
        events.forEach(AggregateLifecycle::apply);
    }

    private static void applyIf(boolean condition, WorkerEvent event) {
        if (condition) {
            apply(event);
        }
    }

    /** A well-formed command that the worker's state does not allow: a conflict, and nothing is appended. */
    private void reject(String why) {
        throw new WorkerStateConflictException(workerId, why);
    }

    private void rejectUnless(boolean allowed, String why) {
        if (!allowed) {
            reject(why);
        }
    }

    private WorkerPlacement placement() {
        return new WorkerPlacement(workerId, state.region(), state.instanceId());
    }
}
