package io.cmlfleet.application.refresh;

import io.cmlfleet.application.lifecycle.IdleStopPolicy;
import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.InstanceInventory;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.StatusCheck;
import io.cmlfleet.application.port.cloud.TelemetrySample;
import io.cmlfleet.application.port.cloud.TelemetrySource;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlControllerClient;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.CmlFacts;
import io.cmlfleet.domain.worker.Ec2ObservationResult;
import io.cmlfleet.domain.worker.InvalidWorkerInputException;
import io.cmlfleet.domain.worker.RefreshGateDecision;
import io.cmlfleet.domain.worker.RefreshResultsRecorded;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.command.EvaluateIdleness;
import io.cmlfleet.domain.worker.command.RecordCmlStats;
import io.cmlfleet.domain.worker.command.RecordEc2Observation;
import io.cmlfleet.domain.worker.command.RecordHealthEvaluation;
import io.cmlfleet.domain.worker.command.RecordRefreshCompleted;
import io.cmlfleet.domain.worker.command.RecordRefreshResults;
import io.cmlfleet.domain.worker.command.RecordTelemetry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.MDC;

/**
 * The refresh cycle of one worker: EC2 observation → endpoint auto-population (decided by the aggregate) → CML health
 * check (RUNNING with an endpoint) → CML information, stats, licensing and labs, at the same time (RUNNING, endpoint,
 * AVAILABLE) → CloudWatch telemetry (RUNNING) → idle check → a {@code RefreshCompleted} record.
 *
 * <p>Two commands per refresh: the EC2 observation, whose answer is the gate the rest is decided on, and
 * {@link RecordRefreshResults} with everything else. The CML API is queried on the gate after this refresh's own
 * health result ({@link RefreshGateDecision#afterHealthCheck}, the rule the aggregate applies when it records it), so
 * no decision waits for a command or is taken on a stale read model. A failing stage is recorded as
 * {@code RefreshFailed} and the later stages still run where they can; a skipped stage is recorded with the gate's
 * reason. No database connection is held while a stage waits for the network: each command is its own transaction.
 *
 * <p>A refresh is three steps, {@link #begin} (EC2 and its command), {@link #askController} (every call to the CML
 * controller, no command) and {@link #finish} (telemetry and the results command), so that the executor can run the
 * waiting for a controller in threads of its own ({@link ControllerLanes}); {@link #refresh} runs them in a row.
 */
public class WorkerRefreshPipeline {

    private final InstanceInventory inventory;
    private final TelemetrySource telemetry;
    private final CmlControllerClient cml;
    private final CmlQueries cmlQueries;
    private final CommandGateway commands;
    private final RefreshSettings settings;
    private final IdleStopPolicy idleStop;
    private final Clock clock;

    /** As the full constructor, with the CML calls of a refresh made one after another in its own thread. */
    public WorkerRefreshPipeline(InstanceInventory inventory, CmlControllerClient cml, TelemetrySource telemetry,
                                 CommandGateway commands, RefreshSettings settings, IdleStopPolicy idleStop,
                                 Clock clock) {
        this(inventory, cml, telemetry, commands, settings, idleStop, clock, Runnable::run);
    }

    /** @param cmlCalls where a refresh's independent CML calls run while it makes one of them itself */
    public WorkerRefreshPipeline(InstanceInventory inventory, CmlControllerClient cml, TelemetrySource telemetry,
                                 CommandGateway commands, RefreshSettings settings, IdleStopPolicy idleStop,
                                 Clock clock, Executor cmlCalls) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.cml = Objects.requireNonNull(cml, "cml");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.idleStop = Objects.requireNonNull(idleStop, "idleStop");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cmlQueries = new CmlQueries(cml, Objects.requireNonNull(cmlCalls, "cmlCalls"));
    }

    /** Observes the instances of many workers of one region in one batch, for {@link #refresh(WorkerRef,
     * RefreshTrigger, String, CloudObservation)}. */
    RegionObserver regionObserver() {
        return new RegionObserver(inventory, telemetry, settings.telemetryWindow(), clock);
    }

    /** Refreshes one worker. Its EC2 call is coalesced with other single-worker refreshes by the inventory. */
    public RefreshOutcome refresh(WorkerRef worker, RefreshTrigger trigger, String issuedBy) {
        return refresh(worker, trigger, issuedBy, null);
    }

    /** Refreshes one worker on what a batched observation of its region saw (null: the refresh asks AWS itself). */
    RefreshOutcome refresh(WorkerRef worker, RefreshTrigger trigger, String issuedBy, CloudObservation observed) {
        RefreshRun run = begin(worker, trigger, issuedBy, observed);
        askController(run);
        return finish(run);
    }

    /**
     * The first step of a refresh: the EC2 observation and its command, whose answer is the gate for the rest. The
     * steps are {@code begin}, {@link #askController} and {@link #finish}, in this order, each in any thread.
     */
    RefreshRun begin(WorkerRef worker, RefreshTrigger trigger, String issuedBy, CloudObservation observed) {
        RefreshRun run = new RefreshRun(worker, trigger, observed, UUID.randomUUID().toString(), issuedBy, commands,
                clock);
        inContext(run, () -> {
            try {
                run.observedGate(observeEc2(run, worker, observed));
            } catch (WorkerRejected rejected) {
                run.rejected(rejected.getMessage());
            }
        });
        return run;
    }

    /** Whether the next step waits for the worker's CML controller; when not, it makes no network call at all. */
    boolean needsController(RefreshRun run) {
        return run.rejection() == null && run.observedGate().runHealthCheck();
    }

    /**
     * The second step, the only one that talks to the controller: the health check, then the CML calls on the gate
     * after it, and the users' last activity for idle stopping. It sends no command.
     */
    void askController(RefreshRun run) {
        if (run.rejection() != null) {
            return;
        }
        inContext(run, () -> {
            RefreshGateDecision gate = run.observedGate();
            RecordHealthEvaluation health = checkHealth(run, gate);
            if (health != null) {
                run.health(health, gate.afterHealthCheck(health.reachable(), health.valid(), health.readiness()));
            }
            RefreshGateDecision afterHealth = run.gateAfterHealth();
            run.cmlStats(queryCml(run, afterHealth));
            if (idleStop.enabledFleetWide() && idleStop.readsUserActivity() && afterHealth.queryCmlApi()) {
                readUserActivity(run, afterHealth);
            }
        });
    }

    /** The last step: telemetry, the idle-stop evaluation and the results command, and stopping an idle worker. */
    RefreshOutcome finish(RefreshRun run) {
        return inContext(run, () -> {
            if (run.rejection() != null) {
                return new RefreshOutcome(run.workerId(), false, run.rejection(), run.lastGate(), run.stages());
            }
            try {
                RefreshGateDecision gate = run.observedGate();
                RecordTelemetry sample = sampleTelemetry(run, run.worker(), gate, run.observed());
                EvaluateIdleness idleCheck = idleCheckWanted(run, gate) ? idleCheck(run, run.gateAfterHealth())
                        : null;
                RefreshResultsRecorded recorded = run.send(new RecordRefreshResults(run.workerId(), gate.endpoint(),
                        run.health(), run.cmlStats(), run.failures(), sample, settings.telemetryMinChangePoints(),
                        idleCheck, new RecordRefreshCompleted(run.workerId(), run.trigger(), run.startedAt(),
                        clock.instant(), run.stages())));
                if (recorded.idle() != null) {
                    stopIfIdle(run, recorded);
                }
                return new RefreshOutcome(run.workerId(), true, null, recorded.gate(), recorded.stages());
            } catch (WorkerRejected rejected) {
                // The worker cannot take observations any more (terminated meanwhile): nothing else to do.
                return new RefreshOutcome(run.workerId(), false, rejected.getMessage(), run.lastGate(),
                        run.stages());
            }
        });
    }

    /** Runs a step with the worker and the refresh's correlation in the logging MDC of the thread it runs in. */
    private static <T> T inContext(RefreshRun run, Supplier<T> step) {
        try (MDC.MDCCloseable ignoredWorker = MDC.putCloseable(RefreshCorrelation.WORKER_ID, run.workerId());
             MDC.MDCCloseable ignoredCorrelation = MDC.putCloseable(RefreshCorrelation.CORRELATION_ID,
                     run.correlationId())) {
            return step.get();
        }
    }

    private static void inContext(RefreshRun run, Runnable step) {
        inContext(run, () -> {
            step.run();
            return null;
        });
    }

    private RefreshGateDecision observeEc2(RefreshRun run, WorkerRef worker, CloudObservation observed) {
        String workerId = worker.workerId();
        InstanceSnapshot snapshot;
        try {
            snapshot = observed == null
                    ? inventory.describeAndWait(worker.region(), worker.instanceId(), settings.ec2Timeout())
                    : observed.snapshotOrThrow();
        } catch (CloudAccessException e) {
            return run.failedNow(RefreshStage.EC2_OBSERVATION, e.kind().name(), e.getMessage());
        }
        Ec2ObservationResult result;
        try {
            result = run.send(new RecordEc2Observation(workerId, snapshot.stateName(), snapshot.stateCode(),
                    snapshot.publicIp(), snapshot.privateIp(), statusCheck(snapshot.systemStatus()),
                    statusCheck(snapshot.instanceStatus()), clock.instant()));
        } catch (InvalidWorkerInputException e) {
            return run.failedNow(RefreshStage.EC2_OBSERVATION, "INVALID_OBSERVATION", e.getMessage());
        }
        RefreshGateDecision gate = result.gate();
        run.ran(RefreshStage.EC2_OBSERVATION, null);
        if (snapshot.publicIp() != null) {
            RefreshLog.publicIp(workerId, snapshot.publicIp(), result.endpointBefore());
            if (result.endpointPopulated()) {
                RefreshLog.autoPopulated(workerId, gate.endpoint());
            }
        } else if (gate.status() == WorkerStatus.RUNNING && !gate.hasEndpoint()) {
            RefreshLog.noPublicIp(workerId);
        }
        return gate;
    }

    private RecordHealthEvaluation checkHealth(RefreshRun run, RefreshGateDecision gate) {
        if (!gate.runHealthCheck()) {
            run.skipped(RefreshStage.HEALTH_CHECK, gate.healthCheckSkipReason());
            return null;
        }
        RefreshLog.healthCheckStarting(run.workerId(), gate.endpoint());
        CmlHealthReport report = cml.evaluateHealth(new CmlTarget(run.workerId(), URI.create(gate.endpoint())));
        RefreshLog.healthCheckResult(run.workerId(), report);
        run.healthReport(report);
        String detail = report.error() == null ? report.status().name() : report.status() + ": " + report.error();
        run.ran(RefreshStage.HEALTH_CHECK, detail);
        return new RecordHealthEvaluation(run.workerId(), report.reachable(), report.valid(), report.licensed(),
                report.enterprise(), report.error(), report.latency().toMillis(), clock.instant(), report.readiness());
    }

    private RecordCmlStats queryCml(RefreshRun run, RefreshGateDecision gate) {
        String workerId = run.workerId();
        RefreshLog.cmlApiCheck(workerId, gate);
        List<RefreshStage> cmlStages = List.of(RefreshStage.CML_INFORMATION, RefreshStage.CML_STATS,
                RefreshStage.CML_LICENSING, RefreshStage.CML_LABS);
        if (!gate.queryCmlApi()) {
            RefreshLog.cmlApiSkipped(workerId, gate);
            cmlStages.forEach(stage -> run.skipped(stage, gate.cmlQuerySkipReason()));
            return null;
        }
        RefreshLog.cmlApiQuerying(workerId, gate.endpoint());
        CmlHealthReport health = run.healthReport();
        CmlQueries.Answers answers = cmlQueries.ask(new CmlTarget(workerId, URI.create(gate.endpoint())),
                settings.includeLabStates(), health == null ? null : health.information());
        run.cmlOutcome(RefreshStage.CML_INFORMATION, answers.informationFailure());
        run.cmlOutcome(RefreshStage.CML_STATS, answers.statsFailure());
        run.cmlOutcome(RefreshStage.CML_LICENSING, answers.licensingFailure());
        run.cmlOutcome(RefreshStage.CML_LABS, answers.labsFailure());
        if (answers.nothingLearned()) {
            return null; // every CML call failed: each failure is recorded, there are no facts to record
        }
        CmlFacts facts = CmlFactsAssembler.assemble(answers.information(), answers.stats(), answers.licensing(),
                answers.labs(), run.healthReport());
        RefreshLog.cmlStats(workerId, facts);
        return new RecordCmlStats(workerId, facts, clock.instant());
    }

    private RecordTelemetry sampleTelemetry(RefreshRun run, WorkerRef worker, RefreshGateDecision gate,
                                            CloudObservation observed) {
        if (gate.status() != WorkerStatus.RUNNING) {
            run.skipped(RefreshStage.TELEMETRY, "worker is " + gate.status() + ", not RUNNING");
            return null;
        }
        TelemetrySample sample;
        try {
            sample = observed != null && observed.telemetryObserved() ? observed.sampleOrThrow() : sampleOne(worker);
        } catch (CloudAccessException e) {
            run.failed(RefreshStage.TELEMETRY, e.kind().name(), e.getMessage());
            return null;
        }
        if (sample == null || !sample.hasData() || sample.sampledAt() == null) {
            run.ran(RefreshStage.TELEMETRY, "no datapoint in the window");
            return null;
        }
        run.ran(RefreshStage.TELEMETRY, null);
        return new RecordTelemetry(worker.workerId(), sample.cpuPercent(), sample.memoryPercent(),
                sample.sampledAt(), settings.telemetryWindow().toSeconds(), settings.cpuThresholdPercent(),
                settings.memoryThresholdPercent());
    }

    private boolean idleCheckWanted(RefreshRun run, RefreshGateDecision gate) {
        if (gate == null || gate.status() != WorkerStatus.RUNNING) {
            run.skipped(RefreshStage.IDLE_CHECK, "worker is " + (gate == null ? "UNKNOWN" : gate.status())
                    + ", not RUNNING");
            return false;
        }
        if (!idleStop.enabledFleetWide()) {
            run.skipped(RefreshStage.IDLE_CHECK, "idle stopping is disabled fleet-wide");
            return false;
        }
        return true; // the worker decides with the results, and adds the stage outcome
    }

    /** Reads the users' last activity on the controller, for the idle-stop evaluation of {@link #finish}. */
    private void readUserActivity(RefreshRun run, RefreshGateDecision gate) {
        try {
            run.userActivity(idleStop.lastUserActivity(new CmlTarget(run.workerId(), URI.create(gate.endpoint()))),
                    null);
        } catch (CmlAccessException e) {
            run.userActivity(null, e);
        }
    }

    /**
     * The evaluation, with the last user activity when the CML API could be asked. A failed telemetry read skips the
     * check (recorded as a failure): without knowing whether users are active, no worker is warned or stopped.
     */
    private EvaluateIdleness idleCheck(RefreshRun run, RefreshGateDecision gate) {
        if (!idleStop.readsUserActivity() || !gate.queryCmlApi()) {
            return idleStop.evaluation(run.workerId());
        }
        CmlAccessException failure = run.userActivityFailure();
        if (failure != null) {
            run.failed(RefreshStage.IDLE_CHECK, failure.kind().name(), "reading CML telemetry events: "
                    + failure.getMessage());
            return null;
        }
        return idleStop.evaluation(run.workerId(), run.userActivity());
    }

    private void stopIfIdle(RefreshRun run, RefreshResultsRecorded recorded) {
        try {
            idleStop.act(run.workerId(), recorded.idle());
        } catch (CloudAccessException e) {
            run.failedNow(RefreshStage.IDLE_CHECK, e.kind().name(), e.getMessage());
        } catch (CmlAccessException e) {
            run.failedNow(RefreshStage.IDLE_CHECK, e.kind().name(), "CML maintenance mode: " + e.getMessage());
        }
    }

    private TelemetrySample sampleOne(WorkerRef worker) {
        Instant to = clock.instant();
        return telemetry.sample(worker.region(), List.of(worker.instanceId()), to.minus(settings.telemetryWindow()),
                to).samples().get(worker.instanceId());
    }

    private static String statusCheck(StatusCheck check) {
        return check == null || check == StatusCheck.UNKNOWN ? null
                : check.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
