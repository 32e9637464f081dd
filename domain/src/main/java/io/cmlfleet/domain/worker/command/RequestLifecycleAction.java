package io.cmlfleet.domain.worker.command;

import io.cmlfleet.domain.worker.LifecycleAction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask for the worker's instance to be started, stopped or terminated; records who asked and why. */
public record RequestLifecycleAction(
        @TargetAggregateIdentifier String workerId,
        LifecycleAction action,
        String requestedBy,
        String reason) {
}
