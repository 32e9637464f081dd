package io.cmlfleet.application.readmodel.query;

import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.EndpointSource;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.application.readmodel.deadletter.DeadLetteredSequence;
import java.time.Instant;
import java.util.List;

/**
 * What the read side knows about one worker: a row of the worker-summary projection. Nullable fields are
 * "not known yet" (no observation, no refresh, no error).
 *
 * @param ec2State              last EC2 state name that changed the status, e.g. {@code running}
 * @param endpointSource        {@code AUTO} or {@code MANUAL}, null without endpoint
 * @param serviceReason         why the service is not AVAILABLE, as the last health check (or the reason it was
 *                              marked UNAVAILABLE) said, e.g. {@code cannot run labs: compute cml-2: admission
 *                              ONLINE, not READY}; null when AVAILABLE or not known
 * @param licensed              last known licence flag (health check or CML stats)
 * @param cpuPercent            last CloudWatch CPU average, null: no datapoint
 * @param memoryPercent         last CloudWatch memory average, null: no datapoint
 * @param telemetrySampledAt    time of the last telemetry sample
 * @param lastError             the last refresh failure, null if none ever
 * @param updatedAt             timestamp of the last event applied to this row
 * @param stale                 some of this worker's events are dead-lettered in a projection: this row (or its
 *                              telemetry or fleet counts) stopped at the event before the first letter
 * @param deadLetters           those sequences, with cause and count; empty when not stale
 */
public record WorkerSummary(
        String workerId,
        String name,
        String region,
        String instanceId,
        String instanceType,
        WorkerStatus status,
        String ec2State,
        String publicIp,
        String privateIp,
        String endpoint,
        EndpointSource endpointSource,
        CmlServiceStatus serviceStatus,
        String serviceReason,
        Boolean licensed,
        Boolean enterprise,
        String cmlVersion,
        Integer nodesRunning,
        Integer nodesTotal,
        Double cpuPercent,
        Double memoryPercent,
        Instant telemetrySampledAt,
        Instant lastRefreshCompletedAt,
        RefreshTrigger lastRefreshTrigger,
        LastRefreshError lastError,
        Instant createdAt,
        Instant terminatedAt,
        Instant updatedAt,
        boolean stale,
        List<DeadLetteredSequence> deadLetters) {

    public WorkerSummary {
        deadLetters = List.copyOf(deadLetters);
    }

    /** The same summary with the worker's dead-lettered sequences. */
    public WorkerSummary withDeadLetters(List<DeadLetteredSequence> sequences) {
        return new WorkerSummary(workerId, name, region, instanceId, instanceType, status, ec2State, publicIp,
                privateIp, endpoint, endpointSource, serviceStatus, serviceReason, licensed, enterprise, cmlVersion, nodesRunning,
                nodesTotal, cpuPercent, memoryPercent, telemetrySampledAt, lastRefreshCompletedAt,
                lastRefreshTrigger, lastError, createdAt, terminatedAt, updatedAt, !sequences.isEmpty(), sequences);
    }
}
