package io.cmlfleet.application.metrics;

import io.cmlfleet.domain.worker.event.TelemetryThresholdBreached;
import io.cmlfleet.domain.worker.event.TelemetryThresholdRecovered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

/**
 * Turns threshold events into metrics. A side effect on the outside world, so never replayed: a projection rebuild
 * must not count old breaches again.
 */
@ProcessingGroup(ThresholdBreachMetrics.PROCESSING_GROUP)
public class ThresholdBreachMetrics {

    public static final String PROCESSING_GROUP = "threshold-metrics";

    private final MonitoringMetrics metrics;

    public ThresholdBreachMetrics(MonitoringMetrics metrics) {
        this.metrics = metrics;
    }

    @EventHandler
    @DisallowReplay
    void on(TelemetryThresholdBreached event) {
        metrics.thresholdBreached(event.workerId(), event.metric(), event.value());
    }

    @EventHandler
    @DisallowReplay
    void on(TelemetryThresholdRecovered event) {
        metrics.thresholdRecovered(event.workerId(), event.metric(), event.value());
    }
}
