package io.cmlfleet.application.port.cloud;

import java.time.Instant;
import java.util.Objects;

/**
 * The newest utilisation figures for one instance within a telemetry window.
 *
 * @param instanceId    the instance
 * @param cpuPercent    CPU utilisation in percent; null means "no datapoint" (0.0 is a real reading)
 * @param memoryPercent memory used in percent (needs the CloudWatch agent); null means "no datapoint"
 * @param sampledAt     timestamp of the newest datapoint used; null when neither metric had data
 */
public record TelemetrySample(String instanceId, Double cpuPercent, Double memoryPercent, Instant sampledAt) {

    public TelemetrySample {
        Objects.requireNonNull(instanceId, "instanceId");
    }

    public static TelemetrySample noData(String instanceId) {
        return new TelemetrySample(instanceId, null, null, null);
    }

    public boolean hasData() {
        return cpuPercent != null || memoryPercent != null;
    }
}
