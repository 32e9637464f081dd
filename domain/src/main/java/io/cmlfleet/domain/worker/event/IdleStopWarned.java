package io.cmlfleet.domain.worker.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The worker has been idle for the idle limit: it will be stopped at {@code plannedStopAt} unless a user acts, it is
 * snoozed or opted out before then. With {@code maintenanceMode}, CML's maintenance mode and a system notice tell
 * logged-in users so.
 *
 * @param idleSince       when the idle clock started (no running nodes, no user activity, not just resumed)
 * @param reason          why, in words an operator understands
 * @param plannedStopAt   warnedAt plus the grace period
 * @param maintenanceMode whether the controller is to be put in maintenance mode with a notice
 */
@Revision("1")
public record IdleStopWarned(
        String workerId,
        Instant idleSince,
        String reason,
        Instant plannedStopAt,
        boolean maintenanceMode,
        Instant warnedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
