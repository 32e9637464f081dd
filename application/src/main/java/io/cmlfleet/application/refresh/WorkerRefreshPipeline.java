package io.cmlfleet.application.refresh;

import io.cmlfleet.application.lifecycle.IdleStopPolicy;
import io.cmlfleet.application.messaging.DomainCommands;
import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.InstanceInventory;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.StatusCheck;
import io.cmlfleet.application.port.cloud.TelemetryBatch;
import io.cmlfleet.application.port.cloud.TelemetrySample;
import io.cmlfleet.application.port.cloud.TelemetrySource;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlControllerClient;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlLabs;
import io.cmlfleet.application.port.cml.CmlLicensing;
import io.cmlfleet.application.port.cml.CmlSystemInformation;
import io.cmlfleet.application.port.cml.CmlSystemStats;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.CmlFacts;
import io.cmlfleet.domain.worker.Ec2ObservationResult;
import io.cmlfleet.domain.worker.IdleStopDecision;
import io.cmlfleet.domain.worker.InvalidWorkerInputException;
import io.cmlfleet.domain.worker.RefreshGateDecision;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.RefreshStageOutcome;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.StageResult;
import io.cmlfleet.domain.worker.WorkerStateConflictException;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.command.RecordCmlStats;
import io.cmlfleet.domain.worker.command.RecordEc2Observation;
import io.cmlfleet.domain.worker.command.RecordHealthEvaluation;
import io.cmlfleet.domain.worker.command.RecordRefreshCompleted;
import io.cmlfleet.domain.worker.command.RecordRefreshFailure;
import io.cmlfleet.domain.worker.command.RecordTelemetry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.MDC;

/**
 * The refresh cycle of one worker: EC2 observation → endpoint auto-population (decided by the
 * aggregate) → CML health check (RUNNING with an endpoint) → CML information, stats, licensing and labs (RUNNING,
 * endpoint, AVAILABLE) → CloudWatch telemetry (RUNNING) → a {@code RefreshCompleted} record.
 *
 * <p>Each stage decides on the refresh gate that the aggregate answered with after the previous stage, so a decision
 * is never taken on a stale read model. A failing stage is recorded as {@code RefreshFailed} and the later stages
 * still run where they can; a skipped stage is recorded with the gate's reason.
 */
public class WorkerRefreshPipeline {

    private final InstanceInventory inventory;
    private final CmlControllerClient cml;
    private final TelemetrySource telemetry;
    private final CommandGateway commands;
    private final RefreshSettings settings;
    private final IdleStopPolicy idleStop;
    private final Clock clock;

    public WorkerRefreshPipeline(InstanceInventory inventory, CmlControllerClient cml, TelemetrySource telemetry,
                                 CommandGateway commands, RefreshSettings settings, IdleStopPolicy idleStop,
                                 Clock clock) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.cml = Objects.requireNonNull(cml, "cml");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.idleStop = Objects.requireNonNull(idleStop, "idleStop");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Refreshes one worker. Its EC2 call is coalesced with other single-worker refreshes by the inventory. */
    public RefreshOutcome refresh(WorkerRef worker, RefreshTrigger trigger, String issuedBy) {
        String correlationId = UUID.randomUUID().toString();
        try (MDC.MDCCloseable ignoredWorker = MDC.putCloseable(RefreshCorrelation.WORKER_ID, worker.workerId());
             MDC.MDCCloseable ignoredCorrelation = MDC.putCloseable(RefreshCorrelation.CORRELATION_ID, correlationId)) {
            Run run = new Run(worker, correlationId, issuedBy);
            try {
                Instant startedAt = clock.instant();
                RefreshGateDecision gate = observeEc2(run);
                gate = checkHealth(run, gate);
                queryCml(run, gate);
                recordTelemetry(run, gate);
                checkIdleness(run);
                run.send(new RecordRefreshCompleted(worker.workerId(), trigger, startedAt, clock.instant(),
                        run.stages));
                return new RefreshOutcome(worker.workerId(), true, null, run.lastGate, run.stages);
            } catch (WorkerRejected rejected) {
                // The worker cannot take observations any more (terminated meanwhile): nothing else to do.
                return new RefreshOutcome(worker.workerId(), false, rejected.getMessage(), run.lastGate, run.stages);
            }
        }
    }

    private RefreshGateDecision observeEc2(Run run) {
        String workerId = run.worker.workerId();
        InstanceSnapshot snapshot;
        try {
            snapshot = describeOne(run.worker);
        } catch (CloudAccessException e) {
            return run.failed(RefreshStage.EC2_OBSERVATION, e.kind().name(), e.getMessage());
        }
        Ec2ObservationResult result = run.record(RefreshStage.EC2_OBSERVATION, new RecordEc2Observation(workerId,
                snapshot.stateName(), snapshot.stateCode(), snapshot.publicIp(), snapshot.privateIp(),
                statusCheck(snapshot.systemStatus()), statusCheck(snapshot.instanceStatus()), clock.instant()));
        if (result == null) {
            return run.lastGate;
        }
        RefreshGateDecision gate = result.gate();
        run.ran(RefreshStage.EC2_OBSERVATION, null, gate);
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

    private RefreshGateDecision checkHealth(Run run, RefreshGateDecision gate) {
        String workerId = run.worker.workerId();
        if (!gate.runHealthCheck()) {
            run.skipped(RefreshStage.HEALTH_CHECK, gate.healthCheckSkipReason());
            return gate;
        }
        RefreshLog.healthCheckStarting(workerId, gate.endpoint());
        CmlHealthReport report = cml.evaluateHealth(new CmlTarget(workerId, URI.create(gate.endpoint())));
        RefreshLog.healthCheckResult(workerId, report);
        RefreshGateDecision after = run.record(RefreshStage.HEALTH_CHECK, new RecordHealthEvaluation(workerId,
                report.reachable(), report.valid(), report.licensed(), report.enterprise(), report.error(),
                report.latency().toMillis(), clock.instant()));
        if (after == null) {
            return run.lastGate;
        }
        run.healthReport = report;
        String detail = report.error() == null ? report.status().name() : report.status() + ": " + report.error();
        run.ran(RefreshStage.HEALTH_CHECK, detail, after);
        return after;
    }

    private void queryCml(Run run, RefreshGateDecision gate) {
        String workerId = run.worker.workerId();
        RefreshLog.cmlApiCheck(workerId, gate);
        List<RefreshStage> cmlStages = List.of(RefreshStage.CML_INFORMATION, RefreshStage.CML_STATS,
                RefreshStage.CML_LICENSING, RefreshStage.CML_LABS);
        if (!gate.queryCmlApi()) {
            RefreshLog.cmlApiSkipped(workerId, gate);
            cmlStages.forEach(stage -> run.skipped(stage, gate.cmlQuerySkipReason()));
            return;
        }
        RefreshLog.cmlApiQuerying(workerId, gate.endpoint());
        CmlTarget target = new CmlTarget(workerId, URI.create(gate.endpoint()));
        CmlSystemInformation information = run.cmlStage(RefreshStage.CML_INFORMATION,
                () -> cml.systemInformation(target));
        CmlSystemStats stats = run.cmlStage(RefreshStage.CML_STATS, () -> cml.systemStats(target));
        CmlLicensing licensing = run.cmlStage(RefreshStage.CML_LICENSING, () -> cml.licensing(target));
        CmlLabs labs = run.cmlStage(RefreshStage.CML_LABS, () -> cml.labs(target, settings.includeLabStates()));
        if (information == null && stats == null && licensing == null && labs == null) {
            return; // every CML call failed: each failure is recorded, there are no facts to record
        }
        CmlFacts facts = CmlFactsAssembler.assemble(information, stats, licensing, labs, run.healthReport);
        RefreshLog.cmlStats(workerId, facts);
        run.record(RefreshStage.CML_STATS, new RecordCmlStats(workerId, facts, clock.instant()));
    }

    private void recordTelemetry(Run run, RefreshGateDecision gate) {
        if (gate.status() != WorkerStatus.RUNNING) {
            run.skipped(RefreshStage.TELEMETRY, "worker is " + gate.status() + ", not RUNNING");
            return;
        }
        TelemetrySample sample;
        try {
            sample = sampleOne(run.worker);
        } catch (CloudAccessException e) {
            run.failed(RefreshStage.TELEMETRY, e.kind().name(), e.getMessage());
            return;
        }
        if (sample == null || !sample.hasData() || sample.sampledAt() == null) {
            run.ran(RefreshStage.TELEMETRY, "no datapoint in the window", run.lastGate);
            return;
        }
        RefreshGateDecision after = run.record(RefreshStage.TELEMETRY, new RecordTelemetry(run.worker.workerId(),
                sample.cpuPercent(), sample.memoryPercent(), sample.sampledAt(),
                settings.telemetryWindow().toSeconds(), settings.cpuThresholdPercent(),
                settings.memoryThresholdPercent()));
        if (after != null) {
            run.ran(RefreshStage.TELEMETRY, null, after);
        }
    }

    private void checkIdleness(Run run) {
        RefreshGateDecision gate = run.lastGate;
        if (gate == null || gate.status() != WorkerStatus.RUNNING) {
            run.skipped(RefreshStage.IDLE_CHECK, "worker is " + (gate == null ? "UNKNOWN" : gate.status())
                    + ", not RUNNING");
            return;
        }
        if (!idleStop.enabledFleetWide()) {
            run.skipped(RefreshStage.IDLE_CHECK, "idle stopping is disabled fleet-wide");
            return;
        }
        try {
            IdleStopDecision decision = idleStop.evaluate(run.worker.workerId(),
                    RefreshCorrelation.metaData(run.correlationId, run.issuedBy));
            run.stages.add(new RefreshStageOutcome(RefreshStage.IDLE_CHECK, StageResult.RAN,
                    (decision.stop() ? "stopping: " : "not stopping: ") + decision.reason()));
        } catch (CloudAccessException e) {
            run.failed(RefreshStage.IDLE_CHECK, e.kind().name(), e.getMessage());
        }
    }

    private InstanceSnapshot describeOne(WorkerRef worker) {
        return inventory.describeAndWait(worker.region(), worker.instanceId(), settings.ec2Timeout());
    }

    private TelemetrySample sampleOne(WorkerRef worker) {
        Instant to = clock.instant();
        TelemetryBatch batch = telemetry.sample(worker.region(), List.of(worker.instanceId()),
                to.minus(settings.telemetryWindow()), to);
        return batch.samples().get(worker.instanceId());
    }

    private static String statusCheck(StatusCheck check) {
        return check == null || check == StatusCheck.UNKNOWN ? null
                : check.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The state of one worker's refresh: its correlation, stage outcomes and the latest gate. */
    private final class Run {

        private final WorkerRef worker;
        private final String correlationId;
        private final String issuedBy;
        private final List<RefreshStageOutcome> stages = new ArrayList<>();
        private RefreshGateDecision lastGate;
        private CmlHealthReport healthReport;

        private Run(WorkerRef worker, String correlationId, String issuedBy) {
            this.worker = worker;
            this.correlationId = correlationId;
            this.issuedBy = issuedBy;
        }

        <R> R send(Object command) {
            R result;
            try {
                result = DomainCommands.sendAndWait(commands, command,
                        RefreshCorrelation.metaData(correlationId, issuedBy));
            } catch (WorkerStateConflictException e) {
                throw new WorkerRejected(e.getMessage());
            }
            if (result instanceof RefreshGateDecision gate) {
                lastGate = gate;
            } else if (result instanceof Ec2ObservationResult observation) {
                lastGate = observation.gate();
            }
            return result;
        }

        void ran(RefreshStage stage, String detail, RefreshGateDecision gate) {
            stages.add(new RefreshStageOutcome(stage, StageResult.RAN, detail));
            lastGate = gate;
        }

        void skipped(RefreshStage stage, String why) {
            stages.add(RefreshStageOutcome.skipped(stage, why));
        }

        RefreshGateDecision failed(RefreshStage stage, String code, String message) {
            RefreshLog.stageFailed(worker.workerId(), stage.name(), code, message);
            stages.add(RefreshStageOutcome.failed(stage, code + ": " + message));
            return send(new RecordRefreshFailure(worker.workerId(), stage, code, message, clock.instant()));
        }

        /** Records an observation; one the aggregate refuses as malformed fails the stage instead of the refresh. */
        <R> R record(RefreshStage stage, Object command) {
            try {
                return send(command);
            } catch (InvalidWorkerInputException e) {
                failed(stage, "INVALID_OBSERVATION", e.getMessage());
                return null;
            }
        }

        <T> T cmlStage(RefreshStage stage, Supplier<T> call) {
            try {
                T value = call.get();
                stages.add(RefreshStageOutcome.ran(stage));
                return value;
            } catch (CmlAccessException e) {
                failed(stage, e.kind().name(), e.getMessage());
                return null;
            }
        }
    }
}
