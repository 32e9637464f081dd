package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.CmlServiceStatus;
import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A CML health check gave a result that differs from what was known (status, validity, licence or error).
 */
@Revision("1")
public record ServiceHealthEvaluated(
        String workerId,
        String endpoint,
        CmlServiceStatus previousStatus,
        CmlServiceStatus newStatus,
        boolean valid,
        Boolean licensed,
        Boolean enterprise,
        String error,
        long latencyMillis,
        Instant evaluatedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
