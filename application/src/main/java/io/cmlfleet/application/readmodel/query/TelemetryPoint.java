package io.cmlfleet.application.readmodel.query;

import java.time.Instant;

/**
 * One CloudWatch sample of a worker.
 *
 * @param cpuPercent    CPU average over the window, 0-100; null: CloudWatch had no datapoint
 * @param memoryPercent memory used average over the window, 0-100; null: no datapoint
 * @param windowSeconds averaging window
 */
public record TelemetryPoint(Instant sampledAt, Double cpuPercent, Double memoryPercent, long windowSeconds) {
}
