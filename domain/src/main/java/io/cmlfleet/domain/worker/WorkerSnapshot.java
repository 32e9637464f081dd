package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.event.LifecycleActionFailed;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * Everything a {@link WorkerState} holds, as a stored shape: a worker with a long history is loaded from its latest
 * snapshot and the events after it, instead of from its first event. It is a cache of the fold, never a source of
 * truth: forensics always replays the events themselves.
 *
 * <p>Its JSON is versioned like an event: a change of shape raises the revision, and a snapshot of another revision
 * is ignored (the worker is then rebuilt from its events and snapshotted again), never fatal. One component per
 * field of {@link WorkerState}, by the same name; a test keeps the two in step.
 */
@Revision(WorkerSnapshot.REVISION)
public record WorkerSnapshot(
        String workerId, String name, String region, String instanceId, String instanceType, String amiId,
        String amiName, Map<String, String> tags, String createdBy, WorkerOrigin origin, Instant createdAt,
        WorkerStatus status, String ec2State, Instant ec2ObservedAt, String publicIp, String privateIp,
        String systemStatusCheck, String instanceStatusCheck,
        String endpoint, EndpointSource endpointSource,
        CmlServiceStatus serviceStatus, ServiceHealthEvaluated lastHealthEvaluation,
        CmlFacts cmlFacts, Instant cmlFactsRecordedAt,
        TelemetryUpdated telemetry, RefreshFailed lastRefreshFailure, LifecycleActionRequested lastLifecycleRequest,
        RefreshCompleted lastRefresh, LifecycleActionFailed lastLifecycleFailure,
        Instant runningSince, IdleWatch idle,
        Set<TelemetryMetric> breachedMetrics, Instant terminatedAt, KnownLabs labs,
        KnownLicence licence) {

    /** The revision of this shape; raise it with any change of components. */
    public static final String REVISION = "3";

    public WorkerSnapshot {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        breachedMetrics = breachedMetrics == null ? Set.of() : Set.copyOf(breachedMetrics);
        labs = labs == null ? KnownLabs.NONE : labs;
        licence = licence == null ? KnownLicence.NONE : licence;
        idle = idle == null ? IdleWatch.INITIAL : idle;
    }

    /** What the state knows now. */
    public static WorkerSnapshot of(WorkerState s) {
        return new WorkerSnapshot(s.workerId, s.name, s.region, s.instanceId, s.instanceType, s.amiId, s.amiName,
                s.tags, s.createdBy, s.origin, s.createdAt,
                s.status, s.ec2State, s.ec2ObservedAt, s.publicIp, s.privateIp, s.systemStatusCheck,
                s.instanceStatusCheck,
                s.endpoint, s.endpointSource,
                s.serviceStatus, s.lastHealthEvaluation,
                s.cmlFacts, s.cmlFactsRecordedAt,
                s.telemetry, s.lastRefreshFailure, s.lastLifecycleRequest, s.lastRefresh, s.lastLifecycleFailure,
                s.runningSince, s.idle,
                s.breachedMetrics, s.terminatedAt, s.labs, s.licence);
    }

    /** A state that knows exactly what this snapshot says. */
    public WorkerState toState() {
        WorkerState s = new WorkerState();
        s.workerId = workerId;
        s.name = name;
        s.region = region;
        s.instanceId = instanceId;
        s.instanceType = instanceType;
        s.amiId = amiId;
        s.amiName = amiName;
        s.tags = tags;
        s.createdBy = createdBy;
        s.origin = origin;
        s.createdAt = createdAt;
        s.status = status;
        s.ec2State = ec2State;
        s.ec2ObservedAt = ec2ObservedAt;
        s.publicIp = publicIp;
        s.privateIp = privateIp;
        s.systemStatusCheck = systemStatusCheck;
        s.instanceStatusCheck = instanceStatusCheck;
        s.endpoint = endpoint;
        s.endpointSource = endpointSource;
        s.serviceStatus = serviceStatus;
        s.lastHealthEvaluation = lastHealthEvaluation;
        s.cmlFacts = cmlFacts;
        s.cmlFactsRecordedAt = cmlFactsRecordedAt;
        s.telemetry = telemetry;
        s.lastRefreshFailure = lastRefreshFailure;
        s.lastLifecycleRequest = lastLifecycleRequest;
        s.lastRefresh = lastRefresh;
        s.lastLifecycleFailure = lastLifecycleFailure;
        s.runningSince = runningSince;
        s.idle = idle;
        s.breachedMetrics.clear();
        s.breachedMetrics.addAll(breachedMetrics.isEmpty() ? EnumSet.noneOf(TelemetryMetric.class) : breachedMetrics);
        s.terminatedAt = terminatedAt;
        s.labs = labs;
        s.licence = licence;
        return s;
    }
}
