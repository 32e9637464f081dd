package io.cmlfleet.domain.worker.command;

import io.cmlfleet.domain.worker.LicenceOperation;
import io.cmlfleet.domain.worker.LicenceOperationOutcome;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record how a licence operation, requested by {@link RequestLicenceOperation}, ended.
 *
 * @param registrationStatus  CML's {@code registration.status} when the operation ended; null if it could not be read
 * @param authorizationStatus CML's {@code authorization.status} then
 * @param message             on FAILED or TIMED_OUT, what CML or the transport said; otherwise CML's remark, if any
 */
public record RecordLicenceOperationOutcome(
        @TargetAggregateIdentifier String workerId,
        LicenceOperation operation,
        String requestedBy,
        LicenceOperationOutcome outcome,
        String registrationStatus,
        String authorizationStatus,
        String message,
        Instant finishedAt) {
}
