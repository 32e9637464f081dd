package io.cmlfleet.bootstrap.config;

import static java.util.Objects.requireNonNullElse;

import io.cmlfleet.application.refresh.RefreshSettings;
import java.time.Duration;

/**
 * @param telemetryWindow        CloudWatch averaging window
 * @param ec2Timeout             how long one EC2 observation may take
 * @param onDemandMinInterval    minimum time between a refresh and an on-demand one
 * @param includeLabStates       also read each lab's state (one call per lab)
 * @param cpuThresholdPercent    CPU breach threshold
 * @param memoryThresholdPercent memory breach threshold
 */
public record RefreshProperties(Duration telemetryWindow, Duration ec2Timeout, Duration onDemandMinInterval,
                                Boolean includeLabStates, Double cpuThresholdPercent, Double memoryThresholdPercent) {

    private static final RefreshSettings DEFAULTS = RefreshSettings.defaults();

    public RefreshProperties {
        telemetryWindow = requireNonNullElse(telemetryWindow, DEFAULTS.telemetryWindow());
        ec2Timeout = requireNonNullElse(ec2Timeout, DEFAULTS.ec2Timeout());
        onDemandMinInterval = requireNonNullElse(onDemandMinInterval, DEFAULTS.onDemandMinInterval());
        includeLabStates = requireNonNullElse(includeLabStates, DEFAULTS.includeLabStates());
        cpuThresholdPercent = requireNonNullElse(cpuThresholdPercent, DEFAULTS.cpuThresholdPercent());
        memoryThresholdPercent = requireNonNullElse(memoryThresholdPercent, DEFAULTS.memoryThresholdPercent());
        SettingChecks.positive("cmlfleet.refresh.telemetry-window", telemetryWindow);
        SettingChecks.positive("cmlfleet.refresh.ec2-timeout", ec2Timeout);
        SettingChecks.notNegative("cmlfleet.refresh.on-demand-min-interval", onDemandMinInterval);
        SettingChecks.percent("cmlfleet.refresh.cpu-threshold-percent", cpuThresholdPercent);
        SettingChecks.percent("cmlfleet.refresh.memory-threshold-percent", memoryThresholdPercent);
    }

    public RefreshSettings settings() {
        return new RefreshSettings(telemetryWindow, ec2Timeout, onDemandMinInterval, includeLabStates,
                cpuThresholdPercent, memoryThresholdPercent);
    }
}
