package io.cmlfleet.bootstrap;

import io.cmlfleet.application.metrics.MonitoringMetrics;
import io.cmlfleet.domain.worker.TelemetryMetric;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Threshold breaches as Micrometer meters: {@code cmlfleet.telemetry.threshold.breaches} counts breaches by metric,
 * and {@code cmlfleet.telemetry.threshold.breached.workers} gauges how many workers are in breach right now.
 */
class MicrometerMonitoringMetrics implements MonitoringMetrics {

    private final MeterRegistry registry;
    private final Map<TelemetryMetric, Set<String>> breached = new EnumMap<>(TelemetryMetric.class);

    MicrometerMonitoringMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (TelemetryMetric metric : TelemetryMetric.values()) {
            Set<String> workers = ConcurrentHashMap.newKeySet();
            breached.put(metric, workers);
            registry.gauge("cmlfleet.telemetry.threshold.breached.workers",
                    io.micrometer.core.instrument.Tags.of("metric", metric.name()), workers, Set::size);
        }
    }

    @Override
    public void thresholdBreached(String workerId, TelemetryMetric metric, double value) {
        registry.counter("cmlfleet.telemetry.threshold.breaches", "metric", metric.name()).increment();
        breached.get(metric).add(workerId);
    }

    @Override
    public void thresholdRecovered(String workerId, TelemetryMetric metric, double value) {
        breached.get(metric).remove(workerId);
    }
}
