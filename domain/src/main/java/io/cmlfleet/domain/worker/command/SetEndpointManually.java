package io.cmlfleet.domain.worker.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator sets the worker's HTTPS endpoint; auto-population never overwrites it. */
public record SetEndpointManually(
        @TargetAggregateIdentifier String workerId,
        String endpoint,
        String setBy) {
}
