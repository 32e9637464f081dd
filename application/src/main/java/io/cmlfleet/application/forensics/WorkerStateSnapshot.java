package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.history.EventDescriber;
import io.cmlfleet.domain.worker.CmlFacts;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.EndpointSource;
import io.cmlfleet.domain.worker.TelemetryMetric;
import io.cmlfleet.domain.worker.WorkerOrigin;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.LifecycleActionFailed;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything known about a worker at one instant, read off {@link WorkerState} after replaying its history up to
 * that instant, plus what the refresh gate would have decided then. A plain record so that it renders as text,
 * JSON, CSV or Markdown alike.
 */
public record WorkerStateSnapshot(
        String workerId,
        Instant at,
        int eventsApplied,
        Instant lastEventAt,
        String name,
        String region,
        String instanceId,
        String instanceType,
        String amiId,
        String amiName,
        Map<String, String> tags,
        String createdBy,
        WorkerOrigin origin,
        Instant createdAt,
        WorkerStatus status,
        String ec2State,
        Instant ec2ObservedAt,
        Instant runningSince,
        String publicIp,
        String privateIp,
        String systemStatusCheck,
        String instanceStatusCheck,
        String endpoint,
        EndpointSource endpointSource,
        CmlServiceStatus serviceStatus,
        Instant lastHealthCheckAt,
        String lastHealthCheckError,
        Boolean licensed,
        Boolean enterprise,
        CmlFacts cmlFacts,
        Instant cmlFactsRecordedAt,
        Double cpuPercent,
        Double memoryPercent,
        Instant telemetrySampledAt,
        List<TelemetryMetric> breachedMetrics,
        Instant lastRefreshAt,
        String lastRefreshFailure,
        Instant lastRefreshFailureAt,
        String lastLifecycleRequest,
        Instant lastLifecycleRequestAt,
        String lastLifecycleFailure,
        Instant idleSince,
        boolean idleStopEnabled,
        int autoStops,
        int manualStops,
        Instant terminatedAt,
        GateExplanation gate) {

    public WorkerStateSnapshot {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        breachedMetrics = List.copyOf(breachedMetrics);
    }

    /** Reads a replayed state. */
    public static WorkerStateSnapshot of(WorkerState state, Instant at, int eventsApplied, Instant lastEventAt) {
        ServiceHealthEvaluated health = state.lastHealthEvaluation();
        TelemetryUpdated telemetry = state.telemetry();
        RefreshFailed failure = state.lastRefreshFailure();
        LifecycleActionRequested request = state.lastLifecycleRequest();
        LifecycleActionFailed lifecycleFailure = state.lastLifecycleFailure();
        List<TelemetryMetric> breached = new ArrayList<>();
        for (TelemetryMetric metric : TelemetryMetric.values()) {
            if (state.isBreached(metric)) {
                breached.add(metric);
            }
        }
        EventDescriber describer = new EventDescriber();
        return new WorkerStateSnapshot(
                state.workerId(), at, eventsApplied, lastEventAt,
                state.name(), state.region(), state.instanceId(), state.instanceType(), state.amiId(),
                state.amiName(), state.tags(), state.createdBy(), state.origin(), state.createdAt(),
                state.status(), state.ec2State(), state.ec2ObservedAt(), state.runningSince(),
                state.publicIp(), state.privateIp(), state.systemStatusCheck(), state.instanceStatusCheck(),
                state.endpoint(), state.endpointSource(), state.serviceStatus(),
                health == null ? null : health.evaluatedAt(), health == null ? null : health.error(),
                health == null ? null : health.licensed(), health == null ? null : health.enterprise(),
                state.cmlFacts(), state.cmlFactsRecordedAt(),
                telemetry == null ? null : telemetry.cpuPercent(),
                telemetry == null ? null : telemetry.memoryPercent(),
                telemetry == null ? null : telemetry.sampledAt(), breached,
                state.lastRefresh() == null ? null : state.lastRefresh().completedAt(),
                failure == null ? null : describer.refreshFailed(failure), failure == null ? null : failure.failedAt(),
                request == null ? null : describer.lifecycleActionRequested(request),
                request == null ? null : request.requestedAt(),
                lifecycleFailure == null ? null : describer.lifecycleActionFailed(lifecycleFailure),
                state.idleSince(), state.idleStopEnabled(), state.autoStops(), state.manualStops(),
                state.terminatedAt(), GateExplanation.of(state.refreshGate()));
    }
}
