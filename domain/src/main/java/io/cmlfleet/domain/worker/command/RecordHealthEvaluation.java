package io.cmlfleet.domain.worker.command;

import io.cmlfleet.domain.worker.ControllerReadiness;
import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the outcome of a CML {@code /api/v0/system_health} check against the worker's endpoint.
 * {@code licensed} and {@code enterprise} are null when the controller did not say; {@code error} explains a failure;
 * {@code readiness} is what the controller said about its computes, its own checks and its launch queue (null: not
 * read), from which the aggregate decides whether a valid controller can run labs. */
public record RecordHealthEvaluation(
        @TargetAggregateIdentifier String workerId,
        boolean reachable,
        boolean valid,
        Boolean licensed,
        Boolean enterprise,
        String error,
        long latencyMillis,
        Instant evaluatedAt,
        ControllerReadiness readiness) {

    /** A health result without readiness facts (the check did not read them). */
    public RecordHealthEvaluation(String workerId, boolean reachable, boolean valid, Boolean licensed,
                                  Boolean enterprise, String error, long latencyMillis, Instant evaluatedAt) {
        this(workerId, reachable, valid, licensed, enterprise, error, latencyMillis, evaluatedAt, null);
    }
}
