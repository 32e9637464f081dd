package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.LifecycleAction;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * EC2 refused or failed a requested start, stop or terminate of the worker's instance.
 */
@Revision("1")
public record LifecycleActionFailed(
        String workerId,
        LifecycleAction action,
        String errorCode,
        String message,
        Instant failedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
