package io.cmlfleet.domain.worker.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator removes the worker's endpoint (for example a manual one that is no longer right). */
public record ClearEndpoint(
        @TargetAggregateIdentifier String workerId,
        String clearedBy,
        String reason) {
}
