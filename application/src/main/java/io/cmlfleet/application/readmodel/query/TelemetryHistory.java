package io.cmlfleet.application.readmodel.query;

import java.time.Instant;
import java.util.List;

/** Answer to {@link GetTelemetryHistory}: the samples in the window, oldest first (empty: none). */
public record TelemetryHistory(String workerId, Instant from, Instant to, List<TelemetryPoint> points) {

    public TelemetryHistory {
        points = List.copyOf(points);
    }
}
