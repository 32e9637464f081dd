package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.EndpointSource;
import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The worker's endpoint was removed: it left RUNNING or lost its public IP (AUTO), or an operator cleared it.
 */
@Revision("1")
public record EndpointCleared(
        String workerId,
        String previousEndpoint,
        EndpointSource previousSource,
        String reason,
        Instant clearedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
