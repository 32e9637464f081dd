package io.cmlfleet.domain.worker.command;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mark the worker as terminated for good: monitoring ends and every later command is rejected. */
public record MarkTerminated(
        @TargetAggregateIdentifier String workerId,
        String reason,
        Instant terminatedAt) {
}
