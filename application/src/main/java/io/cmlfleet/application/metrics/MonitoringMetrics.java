package io.cmlfleet.application.metrics;

import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.TelemetryMetric;
import java.time.Duration;

/**
 * Where monitoring reports its numbers (bootstrap implements it with Micrometer). Kept as a port so the application
 * does not depend on a metrics library.
 */
public interface MonitoringMetrics {

    /** A worker's metric crossed its threshold upwards. */
    void thresholdBreached(String workerId, TelemetryMetric metric, double value);

    /** A worker's breached metric fell back below its threshold. */
    void thresholdRecovered(String workerId, TelemetryMetric metric, double value);

    /**
     * One refresh ended (or was held back).
     *
     * @param trigger  scheduled or on demand
     * @param result   {@code performed}, {@code skipped} (held back) or {@code failed}
     * @param duration from the moment it was requested, queueing included
     */
    default void refreshFinished(RefreshTrigger trigger, String result, Duration duration) {
    }

    /** Metrics that go nowhere, for hosts that do not collect any. */
    static MonitoringMetrics none() {
        return new MonitoringMetrics() {
            @Override
            public void thresholdBreached(String workerId, TelemetryMetric metric, double value) {
            }

            @Override
            public void thresholdRecovered(String workerId, TelemetryMetric metric, double value) {
            }
        };
    }
}
