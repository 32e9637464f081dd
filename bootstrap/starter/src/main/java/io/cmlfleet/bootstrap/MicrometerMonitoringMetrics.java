package io.cmlfleet.bootstrap;

import io.cmlfleet.application.metrics.MonitoringMetrics;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.TelemetryMetric;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Threshold breaches as Micrometer meters: {@code cmlfleet.telemetry.threshold.breaches} counts breaches by metric,
 * and {@code cmlfleet.telemetry.threshold.breached.workers} gauges how many workers are in breach right now; refresh
 * durations as {@value #REFRESH_DURATION}.
 */
class MicrometerMonitoringMetrics implements MonitoringMetrics {

    static final String REFRESH_DURATION = "cmlfleet.refresh.duration";

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

    /** {@code cmlfleet.refresh.duration} by trigger and result, as the refresh executor reports it. */
    @Override
    public void refreshFinished(RefreshTrigger trigger, String result, Duration duration) {
        Timer.builder(REFRESH_DURATION)
                .description("Time to refresh one worker (EC2, health check, CML API, telemetry), queueing included")
                .tag("trigger", trigger == null ? "unknown" : trigger.name())
                .tag("result", result)
                .register(registry)
                .record(duration);
    }

    @Override
    public void thresholdRecovered(String workerId, TelemetryMetric metric, double value) {
        breached.get(metric).remove(workerId);
    }
}
