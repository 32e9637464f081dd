package io.cmlfleet.application.refresh;

import io.cmlfleet.domain.worker.RefreshTrigger;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Run the refresh pipeline for one worker now: EC2, endpoint, health check, CML API, telemetry. Handled by the
 * application (not the aggregate), which answers with a {@link RefreshOutcome}. The worker id is the routing key so
 * that, on a distributed command bus, refreshes of one worker always land on the same node.
 *
 * @param workerId    the worker
 * @param region      its AWS region
 * @param instanceId  its EC2 instance
 * @param trigger     scheduled by monitoring, or on demand
 * @param requestedBy who asked: {@code monitoring} for scheduled refreshes, the operator otherwise
 */
public record RefreshWorker(
        @TargetAggregateIdentifier String workerId,
        String region,
        String instanceId,
        RefreshTrigger trigger,
        String requestedBy) {
}
