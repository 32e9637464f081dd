package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.TelemetryMetric;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A breached telemetry metric fell back below its threshold.
 */
@Revision("1")
public record TelemetryThresholdRecovered(
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
