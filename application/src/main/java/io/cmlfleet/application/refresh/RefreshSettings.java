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
 * @param telemetryMinChangePoints a telemetry sample is recorded only when CPU or memory moved by at least this many
 *                             percentage points since the last recorded sample, or a threshold was crossed (0: every
 *                             new sample)
 */
public record RefreshSettings(
        Duration telemetryWindow,
        Duration ec2Timeout,
        Duration onDemandMinInterval,
        boolean includeLabStates,
        Double cpuThresholdPercent,
        Double memoryThresholdPercent,
        double telemetryMinChangePoints) {

    public static final double DEFAULT_TELEMETRY_MIN_CHANGE_POINTS = 5.0;

    /** As the full constructor, with the default minimum telemetry change. */
    public RefreshSettings(Duration telemetryWindow, Duration ec2Timeout, Duration onDemandMinInterval,
                           boolean includeLabStates, Double cpuThresholdPercent, Double memoryThresholdPercent) {
        this(telemetryWindow, ec2Timeout, onDemandMinInterval, includeLabStates, cpuThresholdPercent,
                memoryThresholdPercent, DEFAULT_TELEMETRY_MIN_CHANGE_POINTS);
    }

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
        if (!(telemetryMinChangePoints >= 0 && telemetryMinChangePoints <= 100)) {
            throw new IllegalArgumentException("telemetryMinChangePoints must be 0 to 100 (got "
                    + telemetryMinChangePoints + ")");
        }
        if (onDemandMinInterval.isNegative()) {
            throw new IllegalArgumentException("onDemandMinInterval must not be negative (got "
                    + onDemandMinInterval + ")");
        }
    }

    /**
     * Five-minute telemetry window (CloudWatch's standard resolution), 30 s EC2 timeout, on-demand refreshes at least
     * 10 s apart, no lab states, CPU and memory thresholds at 90 %, telemetry recorded when it moved 5 points.
     */
    public static RefreshSettings defaults() {
        return new RefreshSettings(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(10), false,
                90.0, 90.0);
    }
}
