package io.cmlfleet.domain.worker.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The worker had no lab activity for long enough and is being stopped automatically. Always followed by a
 * {@code LifecycleActionRequested} STOP by {@code idle-policy}; counted apart from manual stops.
 */
@Revision("1")
public record IdleStopTriggered(
        String workerId,
        Instant idleSince,
        long idleMinutes,
        String reason,
        Instant triggeredAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
