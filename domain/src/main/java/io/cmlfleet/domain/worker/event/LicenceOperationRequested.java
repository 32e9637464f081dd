package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.LicenceOperation;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Somebody asked for a licence operation on the worker's controller (register, renew, deregister), and the worker
 * accepted it; {@link LicenceOperationFinished} says how it ended. Never holds the registration token.
 *
 * @param reregister  for REGISTER, whether an existing registration is to be replaced
 * @param requestedBy who asked (the API caller, the CLI user)
 * @param reason      why, as given; null when none was
 */
@Revision("1")
public record LicenceOperationRequested(
        String workerId,
        LicenceOperation operation,
        boolean reregister,
        String requestedBy,
        String reason,
        Instant requestedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
