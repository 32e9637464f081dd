package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.WorkerOrigin;
import java.time.Instant;
import java.util.Map;

import org.axonframework.serialization.Revision;

/**
 * The worker came into existence: registered after a launch, or imported from an existing instance.
 */
@Revision("1")
public record WorkerCreated(
        String workerId,
        String name,
        String region,
        String instanceId,
        String instanceType,
        String amiId,
        String amiName,
        Map<String, String> tags,
        String createdBy,
        WorkerOrigin origin,
        Instant createdAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
