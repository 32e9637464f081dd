package io.cmlfleet.domain.worker.command;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the outcome of a CML {@code /api/v0/system_health} check against the worker's endpoint.
 * {@code licensed} and {@code enterprise} are null when the controller did not say; {@code error} explains a failure. */
public record RecordHealthEvaluation(
        @TargetAggregateIdentifier String workerId,
        boolean reachable,
        boolean valid,
        Boolean licensed,
        Boolean enterprise,
        String error,
        long latencyMillis,
        Instant evaluatedAt) {
}
