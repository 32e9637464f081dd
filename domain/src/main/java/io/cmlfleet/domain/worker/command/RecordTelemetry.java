package io.cmlfleet.domain.worker.command;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record CloudWatch telemetry averaged over a window; a null percentage means CloudWatch had no datapoint. */
public record RecordTelemetry(
        @TargetAggregateIdentifier String workerId,
        Double cpuPercent,
        Double memoryPercent,
        Instant sampledAt,
        long windowSeconds) {
}
