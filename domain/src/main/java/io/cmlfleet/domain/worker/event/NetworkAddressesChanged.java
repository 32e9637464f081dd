package io.cmlfleet.domain.worker.event;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * EC2 reported a different public or private IP for the worker's instance (null: none).
 */
@Revision("1")
public record NetworkAddressesChanged(
        String workerId,
        String previousPublicIp,
        String publicIp,
        String previousPrivateIp,
        String privateIp,
        Instant observedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
