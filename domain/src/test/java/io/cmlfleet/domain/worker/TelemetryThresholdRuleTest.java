package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.domain.worker.event.TelemetryThresholdBreached;
import io.cmlfleet.domain.worker.event.TelemetryThresholdRecovered;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import org.junit.jupiter.api.Test;

/** Breaches and recoveries are edges: one event when a metric crosses its threshold, none while it stays. */
class TelemetryThresholdRuleTest {

    private static final WorkerState NOT_BREACHED = stateAfter(runningWithAutoEndpoint());
    private static final WorkerState CPU_BREACHED = stateAfter(plus(runningWithAutoEndpoint(),
            new TelemetryThresholdBreached(WORKER, TelemetryMetric.CPU, 95.0, 90.0, T1)));

    @Test
    void reachingTheThresholdIsABreach() {
        assertThat(TelemetryThresholdRule.crossing(NOT_BREACHED, TelemetryMetric.CPU, 95.0, 90.0, T2))
                .contains(new TelemetryThresholdBreached(WORKER, TelemetryMetric.CPU, 95.0, 90.0, T2));
        assertThat(TelemetryThresholdRule.crossing(NOT_BREACHED, TelemetryMetric.MEMORY, 90.0, 90.0, T2))
                .contains(new TelemetryThresholdBreached(WORKER, TelemetryMetric.MEMORY, 90.0, 90.0, T2));
    }

    @Test
    void stayingAboveIsNoNewBreach() {
        assertThat(TelemetryThresholdRule.crossing(CPU_BREACHED, TelemetryMetric.CPU, 97.0, 90.0, T2)).isEmpty();
    }

    @Test
    void fallingBelowIsARecovery() {
        assertThat(TelemetryThresholdRule.crossing(CPU_BREACHED, TelemetryMetric.CPU, 89.9, 90.0, T2))
                .contains(new TelemetryThresholdRecovered(WORKER, TelemetryMetric.CPU, 89.9, 90.0, T2));
    }

    @Test
    void stayingBelowIsNothing() {
        assertThat(TelemetryThresholdRule.crossing(NOT_BREACHED, TelemetryMetric.CPU, 20.0, 90.0, T2)).isEmpty();
    }

    @Test
    void eachMetricHasItsOwnEdge() {
        assertThat(TelemetryThresholdRule.crossing(CPU_BREACHED, TelemetryMetric.MEMORY, 20.0, 90.0, T2)).isEmpty();
        assertThat(TelemetryThresholdRule.crossing(CPU_BREACHED, TelemetryMetric.MEMORY, 95.0, 90.0, T2))
                .contains(new TelemetryThresholdBreached(WORKER, TelemetryMetric.MEMORY, 95.0, 90.0, T2));
    }

    @Test
    void noDatapointOrNoThresholdCrossesNothing() {
        assertThat(TelemetryThresholdRule.crossing(CPU_BREACHED, TelemetryMetric.CPU, null, 90.0, T2)).isEmpty();
        assertThat(TelemetryThresholdRule.crossing(CPU_BREACHED, TelemetryMetric.CPU, 20.0, null, T2)).isEmpty();
        assertThat(TelemetryThresholdRule.crossing(NOT_BREACHED, TelemetryMetric.CPU, 95.0, null, T2)).isEmpty();
    }

    @Test
    void aSampleCrossesCpuFirstThenMemory() {
        TelemetryUpdated sample = new TelemetryUpdated(WORKER, 20.0, 95.0, T2, 300);

        assertThat(TelemetryThresholdRule.crossings(CPU_BREACHED, sample, 90.0, 90.0)).containsExactly(
                new TelemetryThresholdRecovered(WORKER, TelemetryMetric.CPU, 20.0, 90.0, T2),
                new TelemetryThresholdBreached(WORKER, TelemetryMetric.MEMORY, 95.0, 90.0, T2));
        assertThat(TelemetryThresholdRule.crossings(CPU_BREACHED, sample, null, null)).isEmpty();
    }
}
