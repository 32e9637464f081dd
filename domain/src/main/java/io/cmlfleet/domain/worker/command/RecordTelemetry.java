package io.cmlfleet.domain.worker.command;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record CloudWatch telemetry averaged over a window; a null percentage means CloudWatch had no datapoint. The
 * thresholds (null: none) decide when a breach, and its recovery, is recorded.
 */
public record RecordTelemetry(
        @TargetAggregateIdentifier String workerId,
        Double cpuPercent,
        Double memoryPercent,
        Instant sampledAt,
        long windowSeconds,
        Double cpuThresholdPercent,
        Double memoryThresholdPercent) {
}
