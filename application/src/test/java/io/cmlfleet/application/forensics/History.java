package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.history.EventTypeNames;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.domain.worker.CmlFacts;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.EndpointSource;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.RefreshGateDecision;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.RefreshStageOutcome;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.WorkerOrigin;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.NetworkAddressesChanged;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a worker's history the way the aggregate and the refresh pipeline would, with a hand-moved clock: each
 * {@link #refresh()} records the stage outcomes the refresh gate gives for the state at that moment (the same rule
 * as the pipeline), so the histories are realistic and their times exact.
 */
public final class History {

    /** One event with its message timestamp and correlation metadata. */
    public record Recorded(WorkerEvent event, Instant at, String correlationId, String issuedBy) {
    }

    private final String workerId;
    private final List<Recorded> recorded = new ArrayList<>();
    private final WorkerState state = new WorkerState();
    private Instant now;
    private int refreshes;
    private String correlationId;
    private String issuedBy;
    private String healthDetail;

    public History(String workerId, Instant start) {
        this.workerId = workerId;
        this.now = start;
    }

    public Instant now() {
        return now;
    }

    public History after(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    public List<Recorded> recorded() {
        return List.copyOf(recorded);
    }

    public List<RecordedEvent> asRecordedEvents() {
        List<RecordedEvent> events = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            Recorded r = recorded.get(i);
            events.add(new RecordedEvent(r.at(), workerId, i, EventTypeNames.shortName(r.event()), r.event(),
                    r.correlationId(), r.issuedBy()));
        }
        return events;
    }

    private History emit(WorkerEvent event) {
        state.apply(event);
        recorded.add(new Recorded(event, now, correlationId, issuedBy));
        return this;
    }

    public History created() {
        correlationId = "op-create";
        issuedBy = "alice";
        emit(new WorkerCreated(workerId, workerId, "eu-west-1", "i-0123456789abcdef0", "c5.2xlarge",
                "ami-12345678", "cml-2.9", Map.of("team", "labs"), "alice", WorkerOrigin.REGISTERED, now));
        return monitoring();
    }

    /** Later events come from the monitoring refreshes. */
    public History monitoring() {
        correlationId = "refresh-" + (refreshes + 1);
        issuedBy = "monitoring";
        return this;
    }

    public History operator(String who, String correlation) {
        correlationId = correlation;
        issuedBy = who;
        return this;
    }

    public History status(WorkerStatus to) {
        WorkerStatus from = state.status();
        String ec2 = to.name().toLowerCase().replace('_', '-');
        emit(new StatusChanged(workerId, from, to, ec2, "EC2 reported " + ec2, now));
        if (from == WorkerStatus.RUNNING && to != WorkerStatus.RUNNING) {
            if (state.endpoint() != null && state.endpointSource() == EndpointSource.AUTO) {
                emit(new EndpointCleared(workerId, state.endpoint(), EndpointSource.AUTO, "worker left RUNNING",
                        now));
            }
            if (state.serviceStatus() != CmlServiceStatus.UNAVAILABLE) {
                emit(new ServiceMarkedUnavailable(workerId, state.serviceStatus(), "worker left RUNNING", now));
            }
        }
        return this;
    }

    public History addresses(String publicIp, String privateIp) {
        emit(new NetworkAddressesChanged(workerId, state.publicIp(), publicIp, state.privateIp(), privateIp, now));
        if (publicIp != null && state.status() == WorkerStatus.RUNNING && state.endpoint() == null) {
            emit(new EndpointPopulated(workerId, "https://" + publicIp, publicIp, EndpointSource.AUTO,
                    "auto-population", now));
        }
        return this;
    }

    public History health(CmlServiceStatus to, String error) {
        boolean valid = to == CmlServiceStatus.AVAILABLE;
        Boolean licensed = to == CmlServiceStatus.UNAVAILABLE ? null : valid;
        emit(new ServiceHealthEvaluated(workerId, state.endpoint(), state.serviceStatus(), to, valid, licensed,
                licensed == null ? null : Boolean.TRUE, error, 42, now));
        healthDetail = error == null ? to.name() : to + ": " + error;
        return this;
    }

    /** The next health checks keep giving this result (no event: it is not news), as the pipeline would. */
    public History sameHealth() {
        return this;
    }

    public History stats(int nodesRunning) {
        return emit(new CmlStatsRecorded(workerId, new CmlFacts("2.9.1+build.7", true, true, true, "COMPLETED",
                "IN_COMPLIANCE", 2, nodesRunning, 20, 8, 16_777_216L, 3600L), now));
    }

    public History lifecycle(LifecycleAction action, String who, String reason) {
        return emit(new LifecycleActionRequested(workerId, action, who, reason, now));
    }

    public History failure(RefreshStage stage, String code, String message) {
        return emit(new RefreshFailed(workerId, stage, code, message, RefreshFailed.isRetryableErrorCode(code), now));
    }

    /** A licence check that found {@code licence}, judged with {@code horizon}. */
    public History licence(io.cmlfleet.domain.worker.LicenceFacts licence, Duration horizon) {
        return emit(new io.cmlfleet.domain.worker.event.LicenceStateChanged(workerId, licence,
                io.cmlfleet.domain.worker.LicenceHealthRule.issues(licence, now, horizon), horizon.toDays(), now));
    }

    /** A refresh that ends now, with the stage outcomes the refresh gate gives for the current state. */
    public History refresh() {
        RefreshGateDecision gate = state.refreshGate();
        List<RefreshStageOutcome> stages = new ArrayList<>();
        stages.add(RefreshStageOutcome.ran(RefreshStage.EC2_OBSERVATION));
        stages.add(gate.runHealthCheck()
                ? new RefreshStageOutcome(RefreshStage.HEALTH_CHECK, io.cmlfleet.domain.worker.StageResult.RAN,
                healthDetail == null ? state.serviceStatus().name() : healthDetail)
                : RefreshStageOutcome.skipped(RefreshStage.HEALTH_CHECK, gate.healthCheckSkipReason()));
        for (RefreshStage stage : List.of(RefreshStage.CML_INFORMATION, RefreshStage.CML_STATS,
                RefreshStage.CML_LICENSING, RefreshStage.CML_LABS)) {
            stages.add(gate.queryCmlApi() ? RefreshStageOutcome.ran(stage)
                    : RefreshStageOutcome.skipped(stage, gate.cmlQuerySkipReason()));
        }
        stages.add(state.status() == WorkerStatus.RUNNING ? RefreshStageOutcome.ran(RefreshStage.TELEMETRY)
                : RefreshStageOutcome.skipped(RefreshStage.TELEMETRY, "worker is " + state.status()
                + ", not RUNNING"));
        stages.add(RefreshStageOutcome.skipped(RefreshStage.IDLE_CHECK, "idle stopping is off fleet-wide"));
        emit(new RefreshCompleted(workerId, RefreshTrigger.SCHEDULED, now.minusMillis(800), now, stages));
        refreshes++;
        return monitoring();
    }

    /** {@code count} refreshes, {@code every} apart, the first one now. */
    public History refreshes(int count, Duration every) {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                after(every);
            }
            refresh();
        }
        return this;
    }
}
