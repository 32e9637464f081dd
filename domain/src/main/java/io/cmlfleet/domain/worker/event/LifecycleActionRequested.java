package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.LifecycleAction;
import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Somebody (an operator or a policy) asked for the worker's instance to be started, stopped or terminated.
 */
@Revision("1")
public record LifecycleActionRequested(
        String workerId,
        LifecycleAction action,
        String requestedBy,
        String reason,
        Instant requestedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
