package io.cmlfleet.domain.worker.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An operator postponed idle stopping of this worker: no warning and no idle stop before {@code until}.
 *
 * @param until     the end of the snooze
 * @param snoozedBy who asked
 * @param reason    why, as they said it (may be null)
 */
@Revision("1")
public record IdleStopSnoozed(
        String workerId,
        Instant until,
        String snoozedBy,
        String reason,
        Instant snoozedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
