package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.event.TelemetryThresholdBreached;
import io.cmlfleet.domain.worker.event.TelemetryThresholdRecovered;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Threshold breaches are edges, not levels: a breach is recorded when a metric reaches its threshold (a value equal
 * to the threshold is a breach), and a recovery when it falls back below. Samples on the same side record nothing,
 * so that the breach metrics and the timeline count one breach per episode, not one per sample.
 */
final class TelemetryThresholdRule {

    private TelemetryThresholdRule() {
    }

    /** The breaches and recoveries this sample crosses into, CPU first; a {@code null} threshold means none. */
    static List<WorkerEvent> crossings(WorkerState state, TelemetryUpdated sample, Double cpuThreshold,
                                       Double memoryThreshold) {
        List<WorkerEvent> crossings = new ArrayList<>();
        crossing(state, TelemetryMetric.CPU, sample.cpuPercent(), cpuThreshold, sample.sampledAt())
                .ifPresent(crossings::add);
        crossing(state, TelemetryMetric.MEMORY, sample.memoryPercent(), memoryThreshold, sample.sampledAt())
                .ifPresent(crossings::add);
        return crossings;
    }

    /** The breach or recovery of one metric, if any; no value (no datapoint) or no threshold crosses nothing. */
    static Optional<WorkerEvent> crossing(WorkerState state, TelemetryMetric metric, Double value, Double threshold,
                                          Instant sampledAt) {
        if (value == null || threshold == null) {
            return Optional.empty();
        }
        boolean breached = value >= threshold;
        if (breached && !state.isBreached(metric)) {
            return Optional.of(new TelemetryThresholdBreached(state.workerId(), metric, value, threshold, sampledAt));
        }
        if (!breached && state.isBreached(metric)) {
            return Optional.of(new TelemetryThresholdRecovered(state.workerId(), metric, value, threshold,
                    sampledAt));
        }
        return Optional.empty();
    }
}
