package io.cmlfleet.domain.worker.event;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The worker is gone for good; monitoring ends and later commands are rejected.
 */
@Revision("1")
public record WorkerTerminated(
        String workerId,
        String reason,
        Instant terminatedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
