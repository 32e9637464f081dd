package io.cmlfleet.application.licence;

import io.cmlfleet.domain.worker.LicenceFacts;
import io.cmlfleet.domain.worker.LicenceOperation;
import io.cmlfleet.domain.worker.LicenceOperationOutcome;

/**
 * How a licence operation ended, as recorded in the worker's history ({@code LicenceOperationFinished}).
 *
 * @param licence the licence as CML reported it at the end; null when it could not be read
 * @param message CML's failure text, its refusal, or why the operation timed out; null when there was nothing to say
 */
public record LicenceOperationResult(String workerId, LicenceOperation operation, String requestedBy,
                                     LicenceOperationOutcome outcome, String registrationStatus,
                                     String authorizationStatus, String message, LicenceFacts licence) {
}
