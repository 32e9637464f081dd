package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.LabAction;
import io.cmlfleet.domain.worker.LabFacts;
import io.cmlfleet.domain.worker.LabOutcome;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Somebody acted on a lab of the worker's CML controller (start, stop, wipe, delete, import, download), and this is
 * how it ended. Recorded after the call, since the call is network I/O that no command handler performs.
 *
 * @param labId       the lab acted on; for an IMPORT the id CML gave the new lab, null when the import failed
 * @param labTitle    the lab's title when known (the chosen one for an IMPORT)
 * @param requestedBy who asked (the API caller, the CLI user)
 * @param reason      why, as given; null when none was
 * @param lab         the lab as CML described it right after a successful action; null after a DELETE, a failure,
 *                    or when the description could not be read
 * @param errorCode   on FAILED, the failure kind (e.g. REJECTED, TIMEOUT); null on SUCCEEDED
 * @param message     on FAILED, what CML or the transport said (never a token); null on SUCCEEDED
 */
@Revision("1")
public record LabActionRecorded(
        String workerId,
        LabAction action,
        String labId,
        String labTitle,
        String requestedBy,
        String reason,
        LabOutcome outcome,
        LabFacts lab,
        String errorCode,
        String message,
        Instant performedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
