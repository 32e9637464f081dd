package io.cmlfleet.domain.worker.command;

import io.cmlfleet.domain.worker.LicenceOperation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask for a licence operation: checked (input, a reachable CML API) and recorded as {@code LicenceOperationRequested};
 * answers the {@code LicenceOperationTarget} to call. Carries no registration token on purpose: commands may be
 * stored (dead letters, tracing), so the token travels only from the caller to CML, never through a message.
 *
 * @param reregister for REGISTER: register again although the controller is registered (CML's {@code reregister})
 */
public record RequestLicenceOperation(
        @TargetAggregateIdentifier String workerId,
        LicenceOperation operation,
        boolean reregister,
        String requestedBy,
        String reason) {
}
