package io.cmlfleet.domain.worker.command;

import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adopt an EC2 instance that already exists (the caller has checked it with DescribeInstances). */
public record ImportWorker(
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
