package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.CmlServiceStatus;
import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The CML service was set UNAVAILABLE without a health check: the worker left RUNNING or its endpoint changed.
 */
@Revision("1")
public record ServiceMarkedUnavailable(
        String workerId,
        CmlServiceStatus previousStatus,
        String reason,
        Instant markedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
