package io.cmlfleet.domain.worker.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Automatic idle stopping was allowed or forbidden for this worker by an operator.
 */
@Revision("1")
public record IdleStopConfigured(
        String workerId,
        boolean enabled,
        String changedBy,
        Instant changedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
