package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.IdleStopConfigured;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.InstanceStatusChecksChanged;
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
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything known about one worker, as the fold of its events. The aggregate keeps one to decide commands, and
 * forensics replays a history into one to show the state at any instant: both read the same rules.
 *
 * <p>It changes only by folding events: {@link #apply(WorkerEvent)}, or the {@code on} method for one event type
 * (which {@code apply} dispatches to, and the aggregate's event sourcing handlers call).
 */
public final class WorkerState implements WorkerEventFold {

    // Fields are package-private so that WorkerSnapshot can write and restore them; nothing else sets them.

    /** Who requests the stops that idle detection decides; such stops are counted apart from manual ones. */
    public static final String IDLE_POLICY = "idle-policy";

    String workerId;
    String name;
    String region;
    String instanceId;
    String instanceType;
    String amiId;
    String amiName;
    Map<String, String> tags = Map.of();
    String createdBy;
    WorkerOrigin origin;
    Instant createdAt;

    WorkerStatus status = WorkerStatus.UNKNOWN;
    String ec2State;
    Instant ec2ObservedAt;
    String publicIp;
    String privateIp;
    String systemStatusCheck;
    String instanceStatusCheck;

    String endpoint;
    EndpointSource endpointSource;

    CmlServiceStatus serviceStatus = CmlServiceStatus.UNAVAILABLE;
    ServiceHealthEvaluated lastHealthEvaluation;

    CmlFacts cmlFacts;
    Instant cmlFactsRecordedAt;

    TelemetryUpdated telemetry;
    RefreshFailed lastRefreshFailure;
    LifecycleActionRequested lastLifecycleRequest;
    RefreshCompleted lastRefresh;
    LifecycleActionFailed lastLifecycleFailure;
    Instant runningSince;
    IdleWatch idle = IdleWatch.INITIAL;
    final Set<TelemetryMetric> breachedMetrics = EnumSet.noneOf(TelemetryMetric.class);
    Instant terminatedAt;
    KnownLabs labs = KnownLabs.NONE;
    KnownLicence licence = KnownLicence.NONE;

    /** Replays a history from the beginning. */
    public static WorkerState replay(Iterable<? extends WorkerEvent> events) {
        WorkerState state = new WorkerState();
        events.forEach(state::apply);
        return state;
    }

    /** Folds one event into the state, through the {@code on} method for its type. */
    public void apply(WorkerEvent event) {
        if (event != null) { // as it always was: no event, nothing to fold
            event.foldInto(this);
        }
    }

    @Override
    public void on(WorkerCreated e) {
        workerId = e.workerId();
        name = e.name();
        region = e.region();
        instanceId = e.instanceId();
        instanceType = e.instanceType();
        amiId = e.amiId();
        amiName = e.amiName();
        tags = e.tags() == null ? Map.of() : Map.copyOf(e.tags());
        createdBy = e.createdBy();
        origin = e.origin();
        createdAt = e.createdAt();
    }

    /** Becoming RUNNING is a resume: it starts the snooze and idle clocks; any other status stops them. */
    @Override
    public void on(StatusChanged e) {
        if (e.to() == WorkerStatus.RUNNING && status != WorkerStatus.RUNNING) {
            runningSince = e.observedAt();
        } else if (e.to() != WorkerStatus.RUNNING) {
            runningSince = null;
        }
        status = e.to();
        idle = idle.on(e);
        if (e.ec2State() != null) { // MarkTerminated carries no EC2 state: keep the last one EC2 reported
            ec2State = e.ec2State();
        }
        ec2ObservedAt = e.observedAt();
    }

    @Override
    public void on(NetworkAddressesChanged e) {
        publicIp = e.publicIp();
        privateIp = e.privateIp();
        ec2ObservedAt = e.observedAt();
    }

    @Override
    public void on(InstanceStatusChecksChanged e) {
        systemStatusCheck = e.systemStatusCheck();
        instanceStatusCheck = e.instanceStatusCheck();
        ec2ObservedAt = e.observedAt();
    }

    @Override
    public void on(EndpointPopulated e) {
        endpoint = e.endpoint();
        endpointSource = e.source();
    }

    @Override
    public void on(EndpointCleared e) {
        endpoint = null;
        endpointSource = null;
    }

    @Override
    public void on(ServiceHealthEvaluated e) {
        serviceStatus = e.newStatus();
        lastHealthEvaluation = e;
    }

    @Override
    public void on(ServiceMarkedUnavailable e) {
        serviceStatus = CmlServiceStatus.UNAVAILABLE;
    }

    @Override
    public void on(CmlStatsRecorded e) {
        cmlFacts = e.facts();
        cmlFactsRecordedAt = e.recordedAt();
        idle = idle.on(e);
    }

    @Override
    public void on(TelemetryUpdated e) {
        telemetry = e;
    }

    @Override
    public void on(RefreshFailed e) {
        lastRefreshFailure = e;
    }

    @Override
    public void on(LifecycleActionRequested e) {
        lastLifecycleRequest = e;
        idle = idle.on(e);
    }

    @Override
    public void on(WorkerTerminated e) {
        status = WorkerStatus.TERMINATED;
        terminatedAt = e.terminatedAt();
    }

    @Override
    public void on(RefreshCompleted e) {
        lastRefresh = e;
    }

    @Override
    public void on(LifecycleActionFailed e) {
        lastLifecycleFailure = e;
    }

    // Idle events: folded by IdleWatch, one line each, without imports, to keep this class short.
    @Override public void on(IdleStopConfigured e) { idle = idle.on(e); }
    @Override public void on(IdleStopTriggered e) { idle = idle.on(e); }
    @Override public void on(io.cmlfleet.domain.worker.event.UserActivityObserved e) { idle = idle.on(e); }
    @Override public void on(io.cmlfleet.domain.worker.event.IdleStopWarned e) { idle = idle.on(e); }
    @Override public void on(io.cmlfleet.domain.worker.event.IdleStopCancelled e) { idle = idle.on(e); }
    @Override public void on(io.cmlfleet.domain.worker.event.IdleStopSnoozed e) { idle = idle.on(e); }

    @Override
    public void on(TelemetryThresholdBreached e) {
        breachedMetrics.add(e.metric());
    }

    @Override
    public void on(TelemetryThresholdRecovered e) {
        breachedMetrics.remove(e.metric());
    } // Lab and licence events: one line each, without imports, to keep this class short.
    @Override public void on(io.cmlfleet.domain.worker.event.LabActionRecorded e) { labs = labs.on(e); }
    @Override public void on(io.cmlfleet.domain.worker.event.LabInventoryChanged e) { labs = labs.on(e); }
    @Override public void on(io.cmlfleet.domain.worker.event.LicenceStateChanged e) { licence = licence.on(e); }
    @Override public void on(io.cmlfleet.domain.worker.event.LicenceOperationRequested e) { licence = licence.on(e); }
    @Override public void on(io.cmlfleet.domain.worker.event.LicenceOperationFinished e) { licence = licence.on(e); }
    /** What the refresh gate decides for this state. */
    public RefreshGateDecision refreshGate() {
        return RefreshGate.decide(status, endpoint, serviceStatus, lastHealthEvaluation);
    }

    public boolean isTerminated() {
        return terminatedAt != null;
    }

    public String workerId() {
        return workerId;
    }

    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    public String instanceId() {
        return instanceId;
    }

    public String instanceType() {
        return instanceType;
    }

    public String amiId() {
        return amiId;
    }

    public String amiName() {
        return amiName;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public String createdBy() {
        return createdBy;
    }

    public WorkerOrigin origin() {
        return origin;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public WorkerStatus status() {
        return status;
    }

    /** The last EC2 state name that changed the status, e.g. {@code running}. */
    public String ec2State() {
        return ec2State;
    }

    /** When the last EC2 observation that changed anything was taken. */
    public Instant ec2ObservedAt() {
        return ec2ObservedAt;
    }

    public String publicIp() {
        return publicIp;
    }

    public String privateIp() {
        return privateIp;
    }

    public String systemStatusCheck() {
        return systemStatusCheck;
    }

    public String instanceStatusCheck() {
        return instanceStatusCheck;
    }

    public String endpoint() {
        return endpoint;
    }

    public EndpointSource endpointSource() {
        return endpointSource;
    }

    public CmlServiceStatus serviceStatus() {
        return serviceStatus;
    }

    public ServiceHealthEvaluated lastHealthEvaluation() {
        return lastHealthEvaluation;
    }

    public CmlFacts cmlFacts() {
        return cmlFacts;
    }

    public Instant cmlFactsRecordedAt() {
        return cmlFactsRecordedAt;
    }

    public TelemetryUpdated telemetry() {
        return telemetry;
    }

    public RefreshFailed lastRefreshFailure() {
        return lastRefreshFailure;
    }

    public LifecycleActionRequested lastLifecycleRequest() {
        return lastLifecycleRequest;
    }

    public RefreshCompleted lastRefresh() {
        return lastRefresh;
    }

    public LifecycleActionFailed lastLifecycleFailure() {
        return lastLifecycleFailure;
    }

    /** When the worker last became RUNNING (its last resume); null while it is not RUNNING. */
    public Instant runningSince() {
        return runningSince;
    }

    /** Since when CML has reported no running nodes; null while nodes run or before CML reported any. */
    public Instant idleSince() { return idle.idleSince(); }

    public boolean idleStopEnabled() { return idle.enabled(); }

    /** Stops decided by idle detection. */
    public int autoStops() { return idle.autoStops(); }

    /** Stops requested by operators or hosts. */
    public int manualStops() { return idle.manualStops(); }

    /** Everything idle stopping knows: activity, warning, snooze. */
    public IdleWatch idle() { return idle; }

    public boolean isBreached(TelemetryMetric metric) {
        return breachedMetrics.contains(metric);
    }

    public Instant terminatedAt() {
        return terminatedAt;
    }

    public KnownLabs labs() { return labs; }
}
