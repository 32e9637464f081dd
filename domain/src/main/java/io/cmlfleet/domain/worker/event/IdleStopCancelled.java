package io.cmlfleet.domain.worker.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A pending idle-stop warning was withdrawn (user activity, running nodes, a snooze, an opt-out, the worker left
 * RUNNING), or the controller's maintenance mode from an idle stop is lifted after the worker resumed.
 *
 * @param reason why, in words an operator understands
 */
@Revision("1")
public record IdleStopCancelled(
        String workerId,
        String reason,
        Instant cancelledAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
