package io.cmlfleet.domain.worker.event;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * EC2's system or instance status check for the worker changed (ok, impaired, initializing, ...).
 */
@Revision("1")
public record InstanceStatusChecksChanged(
        String workerId,
        String systemStatusCheck,
        String instanceStatusCheck,
        Instant observedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
