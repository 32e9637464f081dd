package io.cmlfleet.domain.worker.command;

import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a worker whose EC2 instance cmlfleet launched (or is about to watch from launch). */
public record RegisterWorker(
        @TargetAggregateIdentifier String workerId,
        String name,
        String region,
        String instanceId,
        String instanceType,
        String amiId,
        String amiName,
        Map<String, String> tags,
        String createdBy) {
}
