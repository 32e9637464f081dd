package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.EndpointSource;
import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The worker got an HTTPS endpoint: derived from its public IP (AUTO) or set by an operator (MANUAL).
 */
@Revision("1")
public record EndpointPopulated(
        String workerId,
        String endpoint,
        String publicIp,
        EndpointSource source,
        String setBy,
        Instant populatedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
