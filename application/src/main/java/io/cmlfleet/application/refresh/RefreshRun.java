package io.cmlfleet.application.refresh;

import io.cmlfleet.application.messaging.DomainCommands;
import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.domain.worker.Ec2ObservationResult;
import io.cmlfleet.domain.worker.RefreshGateDecision;
import io.cmlfleet.domain.worker.RefreshResultsRecorded;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.RefreshStageOutcome;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.StageResult;
import io.cmlfleet.domain.worker.UserActivity;
import io.cmlfleet.domain.worker.WorkerStateConflictException;
import io.cmlfleet.domain.worker.command.RecordCmlStats;
import io.cmlfleet.domain.worker.command.RecordHealthEvaluation;
import io.cmlfleet.domain.worker.command.RecordRefreshFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * The state of one worker's refresh while it runs, carried from one step to the next (the steps may run in different
 * threads: {@link RefreshExecutor}): the worker and what asked for the refresh, its correlation, the gate of the EC2
 * observation, what the controller said, the stage outcomes and failures gathered for the results command, and the
 * latest gate the worker answered with.
 */
final class RefreshRun {

    private final WorkerRef worker;
    private final RefreshTrigger trigger;
    private final CloudObservation observed;
    private final String workerId;
    private final String correlationId;
    private final String issuedBy;
    private final CommandGateway commands;
    private final Clock clock;
    private final List<RefreshStageOutcome> stages = new ArrayList<>();
    private final List<RecordRefreshFailure> failures = new ArrayList<>();
    private final Instant startedAt;
    private RefreshGateDecision lastGate;
    private CmlHealthReport healthReport;
    private RefreshGateDecision observedGate;
    private RefreshGateDecision gateAfterHealth;
    private RecordHealthEvaluation health;
    private RecordCmlStats cmlStats;
    private UserActivity userActivity;
    private CmlAccessException userActivityFailure;
    private String rejection;

    RefreshRun(WorkerRef worker, RefreshTrigger trigger, CloudObservation observed, String correlationId,
               String issuedBy, CommandGateway commands, Clock clock) {
        this.worker = worker;
        this.trigger = trigger;
        this.observed = observed;
        this.workerId = worker.workerId();
        this.correlationId = correlationId;
        this.issuedBy = issuedBy;
        this.commands = commands;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    String workerId() {
        return workerId;
    }

    WorkerRef worker() {
        return worker;
    }

    RefreshTrigger trigger() {
        return trigger;
    }

    /** What a batched observation of the worker's region saw, or null: the refresh asks AWS itself. */
    CloudObservation observed() {
        return observed;
    }

    String correlationId() {
        return correlationId;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** The worker cannot take observations any more (terminated meanwhile): the refresh ends here. */
    void rejected(String why) {
        this.rejection = why;
    }

    String rejection() {
        return rejection;
    }

    /** The gate the EC2 observation answered with: what the controller may be asked. */
    void observedGate(RefreshGateDecision gate) {
        this.observedGate = gate;
        this.gateAfterHealth = gate;
    }

    RefreshGateDecision observedGate() {
        return observedGate;
    }

    /** The health check's result, and the gate the worker will decide once it records it. */
    void health(RecordHealthEvaluation evaluation, RefreshGateDecision afterHealth) {
        this.health = evaluation;
        this.gateAfterHealth = afterHealth;
    }

    RecordHealthEvaluation health() {
        return health;
    }

    RefreshGateDecision gateAfterHealth() {
        return gateAfterHealth;
    }

    void cmlStats(RecordCmlStats stats) {
        this.cmlStats = stats;
    }

    RecordCmlStats cmlStats() {
        return cmlStats;
    }

    /** What idle stopping read of the users' activity on the controller: the last activity, or why it failed. */
    void userActivity(UserActivity activity, CmlAccessException failure) {
        this.userActivity = activity;
        this.userActivityFailure = failure;
    }

    UserActivity userActivity() {
        return userActivity;
    }

    CmlAccessException userActivityFailure() {
        return userActivityFailure;
    }

    /** Sends a command for this refresh, tagged with its correlation; a terminated worker ends the refresh. */
    <R> R send(Object command) {
        R result;
        try {
            result = DomainCommands.sendAndWait(commands, command, RefreshCorrelation.metaData(correlationId,
                    issuedBy));
        } catch (WorkerStateConflictException e) {
            throw new WorkerRejected(e.getMessage());
        }
        if (result instanceof RefreshGateDecision gate) {
            lastGate = gate;
        } else if (result instanceof Ec2ObservationResult observation) {
            lastGate = observation.gate();
        } else if (result instanceof RefreshResultsRecorded recorded) {
            lastGate = recorded.gate();
        }
        return result;
    }

    void ran(RefreshStage stage, String detail) {
        stages.add(new RefreshStageOutcome(stage, StageResult.RAN, detail));
    }

    void skipped(RefreshStage stage, String why) {
        stages.add(RefreshStageOutcome.skipped(stage, why));
    }

    /** A failed stage, recorded with the refresh's results. */
    void failed(RefreshStage stage, String code, String message) {
        RefreshLog.stageFailed(workerId, stage.name(), code, message);
        stages.add(RefreshStageOutcome.failed(stage, code + ": " + message));
        failures.add(new RecordRefreshFailure(workerId, stage, code, message, clock.instant()));
    }

    /** A failed stage recorded at once, because what follows needs the gate the worker answers with. */
    RefreshGateDecision failedNow(RefreshStage stage, String code, String message) {
        RefreshLog.stageFailed(workerId, stage.name(), code, message);
        stages.add(RefreshStageOutcome.failed(stage, code + ": " + message));
        return send(new RecordRefreshFailure(workerId, stage, code, message, clock.instant()));
    }

    /** A CML call's outcome: ran, or failed with the adapter's failure. */
    void cmlOutcome(RefreshStage stage, CmlQueries.Failure failure) {
        if (failure == null) {
            stages.add(RefreshStageOutcome.ran(stage));
        } else {
            failed(stage, failure.cause().kind().name(), failure.cause().getMessage());
        }
    }

    void healthReport(CmlHealthReport report) {
        this.healthReport = report;
    }

    CmlHealthReport healthReport() {
        return healthReport;
    }

    RefreshGateDecision lastGate() {
        return lastGate;
    }

    List<RefreshStageOutcome> stages() {
        return List.copyOf(stages);
    }

    List<RecordRefreshFailure> failures() {
        return List.copyOf(failures);
    }
}
