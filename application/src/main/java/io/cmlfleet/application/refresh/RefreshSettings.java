package io.cmlfleet.application.refresh;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the refresh pipeline.
 *
 * @param telemetryWindow      the window CloudWatch averages over; also the lookback of each telemetry query
 * @param ec2Timeout           how long one EC2 observation may take before the stage counts as failed
 * @param onDemandMinInterval  an on-demand refresh is skipped if the last refresh of the worker finished more
 *                             recently than this
 * @param includeLabStates     whether the CML stage also reads each lab's state (one call per lab)
 * @param cpuThresholdPercent  CPU at or above this is a breach (null: no threshold)
 * @param memoryThresholdPercent memory at or above this is a breach (null: no threshold)
 */
public record RefreshSettings(
        Duration telemetryWindow,
        Duration ec2Timeout,
        Duration onDemandMinInterval,
        boolean includeLabStates,
        Double cpuThresholdPercent,
        Double memoryThresholdPercent) {

    public RefreshSettings {
        Objects.requireNonNull(telemetryWindow, "telemetryWindow");
        Objects.requireNonNull(ec2Timeout, "ec2Timeout");
        Objects.requireNonNull(onDemandMinInterval, "onDemandMinInterval");
        if (telemetryWindow.isNegative() || telemetryWindow.isZero()) {
            throw new IllegalArgumentException("telemetryWindow must be positive (got " + telemetryWindow + ")");
        }
        if (ec2Timeout.isNegative() || ec2Timeout.isZero()) {
            throw new IllegalArgumentException("ec2Timeout must be positive (got " + ec2Timeout + ")");
        }
        if (onDemandMinInterval.isNegative()) {
            throw new IllegalArgumentException("onDemandMinInterval must not be negative (got "
                    + onDemandMinInterval + ")");
        }
    }

    /**
     * Five-minute telemetry window (CloudWatch's standard resolution), 30 s EC2 timeout, on-demand refreshes at least
     * 10 s apart, no lab states, CPU and memory thresholds at 90 %.
     */
    public static RefreshSettings defaults() {
        return new RefreshSettings(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(10), false,
                90.0, 90.0);
    }
}
