package io.cmlfleet.domain.worker.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Allow or forbid automatic stopping of this worker when it is idle (the fleet-wide switch must also allow it). */
public record ConfigureIdleStop(
        @TargetAggregateIdentifier String workerId,
        boolean enabled,
        String changedBy) {
}
