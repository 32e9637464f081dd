package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.WorkerStatus;
import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The worker's status changed because EC2 reported a different instance state (or it was marked terminated).
 */
@Revision("1")
public record StatusChanged(
        String workerId,
        WorkerStatus from,
        WorkerStatus to,
        String ec2State,
        String reason,
        Instant observedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
