package io.cmlfleet.bootstrap.config;

import static java.util.Objects.requireNonNullElse;

import io.cmlfleet.application.refresh.RefreshExecutionSettings;
import io.cmlfleet.application.refresh.RefreshSettings;
import java.time.Duration;

/**
 * @param telemetryWindow        CloudWatch averaging window
 * @param ec2Timeout             how long one EC2 observation may take
 * @param onDemandMinInterval    minimum time between a refresh and an on-demand one
 * @param includeLabStates       also read each lab's state (one call per lab)
 * @param cpuThresholdPercent    CPU breach threshold
 * @param memoryThresholdPercent memory breach threshold
 * @param parallelism            refreshes that run at once, on the refresh executor's own threads
 * @param shutdownWait           how long stopping waits for running refreshes (never interrupted)
 * @param batchWindow            scheduled refreshes of a region are gathered until none came for this long (at most
 *                               five times it) and observed together
 * @param telemetryMinChangePercent percentage points CPU or memory must move before a new sample is recorded
 * @param controllerParallelism  refreshes that wait for their CML controller at once, in threads of their own; workers
 *                               with slow controllers wait in a lane half as wide, so they never hold up the others
 * @param slowControllerAfter    a refresh whose controller took longer than this moves its worker to the slow lane,
 *                               until its controller answers in time again
 */
public record RefreshProperties(Duration telemetryWindow, Duration ec2Timeout, Duration onDemandMinInterval,
                                Boolean includeLabStates, Double cpuThresholdPercent, Double memoryThresholdPercent,
                                Integer parallelism, Duration shutdownWait, Duration batchWindow,
                                Double telemetryMinChangePercent, Integer controllerParallelism,
                                Duration slowControllerAfter) {

    private static final RefreshSettings DEFAULTS = RefreshSettings.defaults();
    private static final RefreshExecutionSettings EXECUTION_DEFAULTS = RefreshExecutionSettings.defaults();

    public RefreshProperties {
        telemetryWindow = requireNonNullElse(telemetryWindow, DEFAULTS.telemetryWindow());
        ec2Timeout = requireNonNullElse(ec2Timeout, DEFAULTS.ec2Timeout());
        onDemandMinInterval = requireNonNullElse(onDemandMinInterval, DEFAULTS.onDemandMinInterval());
        includeLabStates = requireNonNullElse(includeLabStates, DEFAULTS.includeLabStates());
        cpuThresholdPercent = requireNonNullElse(cpuThresholdPercent, DEFAULTS.cpuThresholdPercent());
        memoryThresholdPercent = requireNonNullElse(memoryThresholdPercent, DEFAULTS.memoryThresholdPercent());
        parallelism = requireNonNullElse(parallelism, EXECUTION_DEFAULTS.parallelism());
        shutdownWait = requireNonNullElse(shutdownWait, EXECUTION_DEFAULTS.shutdownWait());
        batchWindow = requireNonNullElse(batchWindow, EXECUTION_DEFAULTS.batchWindow());
        telemetryMinChangePercent = requireNonNullElse(telemetryMinChangePercent,
                DEFAULTS.telemetryMinChangePoints());
        controllerParallelism = requireNonNullElse(controllerParallelism, EXECUTION_DEFAULTS.controllerParallelism());
        slowControllerAfter = requireNonNullElse(slowControllerAfter, EXECUTION_DEFAULTS.slowControllerAfter());
        SettingChecks.positive("cmlfleet.refresh.telemetry-window", telemetryWindow);
        SettingChecks.positive("cmlfleet.refresh.ec2-timeout", ec2Timeout);
        SettingChecks.notNegative("cmlfleet.refresh.on-demand-min-interval", onDemandMinInterval);
        SettingChecks.percent("cmlfleet.refresh.cpu-threshold-percent", cpuThresholdPercent);
        SettingChecks.percent("cmlfleet.refresh.memory-threshold-percent", memoryThresholdPercent);
        SettingChecks.atLeast("cmlfleet.refresh.parallelism", parallelism, 1);
        SettingChecks.notNegative("cmlfleet.refresh.shutdown-wait", shutdownWait);
        SettingChecks.notNegative("cmlfleet.refresh.batch-window", batchWindow);
        SettingChecks.percent("cmlfleet.refresh.telemetry-min-change-percent", telemetryMinChangePercent);
        SettingChecks.atLeast("cmlfleet.refresh.controller-parallelism", controllerParallelism, 1);
        SettingChecks.positive("cmlfleet.refresh.slow-controller-after", slowControllerAfter);
    }

    public RefreshExecutionSettings executionSettings() {
        return new RefreshExecutionSettings(parallelism, shutdownWait, batchWindow, controllerParallelism,
                slowControllerAfter);
    }

    public RefreshSettings settings() {
        return new RefreshSettings(telemetryWindow, ec2Timeout, onDemandMinInterval, includeLabStates,
                cpuThresholdPercent, memoryThresholdPercent, telemetryMinChangePercent);
    }
}
