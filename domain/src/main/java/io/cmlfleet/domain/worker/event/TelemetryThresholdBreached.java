package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.TelemetryMetric;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A telemetry metric rose to or above its threshold (edge-triggered: once per breach).
 */
@Revision("1")
public record TelemetryThresholdBreached(
        String workerId,
        TelemetryMetric metric,
        double value,
        double threshold,
        Instant sampledAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
