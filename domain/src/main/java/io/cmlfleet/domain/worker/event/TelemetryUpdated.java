package io.cmlfleet.domain.worker.event;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A new CloudWatch sample for the worker: CPU and memory averaged over the window (null: no datapoint).
 */
@Revision("1")
public record TelemetryUpdated(
        String workerId,
        Double cpuPercent,
        Double memoryPercent,
        Instant sampledAt,
        long windowSeconds) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
