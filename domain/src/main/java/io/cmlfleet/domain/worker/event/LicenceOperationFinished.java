package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.LicenceOperation;
import io.cmlfleet.domain.worker.LicenceOperationOutcome;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A licence operation ended: CML finished it, refused or failed it, or it was still in progress at the timeout.
 * Recorded after the call and the polling of {@code GET /licensing}, since both are network I/O that no command
 * handler performs. Never holds the registration token.
 *
 * @param requestedBy         who asked
 * @param registrationStatus  CML's {@code registration.status} at the end; null when it could not be read
 * @param authorizationStatus CML's {@code authorization.status} at the end
 * @param message             CML's failure text (e.g. "Connection timed out after 60003 milliseconds"), the
 *                            transport's, or why it timed out; null when CML said nothing more
 */
@Revision("1")
public record LicenceOperationFinished(
        String workerId,
        LicenceOperation operation,
        String requestedBy,
        LicenceOperationOutcome outcome,
        String registrationStatus,
        String authorizationStatus,
        String message,
        Instant finishedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
