package io.cmlfleet.application.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.domain.worker.TelemetryMetric;
import io.cmlfleet.domain.worker.event.TelemetryThresholdBreached;
import io.cmlfleet.domain.worker.event.TelemetryThresholdRecovered;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.junit.jupiter.api.Test;

class ThresholdBreachMetricsTest {

    private final List<String> reported = new ArrayList<>();
    private final MonitoringMetrics recording = new MonitoringMetrics() {
        @Override
        public void thresholdBreached(String workerId, TelemetryMetric metric, double value) {
            reported.add("breached " + workerId + " " + metric + " " + value);
        }

        @Override
        public void thresholdRecovered(String workerId, TelemetryMetric metric, double value) {
            reported.add("recovered " + workerId + " " + metric + " " + value);
        }
    };
    private final AnnotationEventHandlerAdapter handler =
            new AnnotationEventHandlerAdapter(new ThresholdBreachMetrics(recording));

    @Test
    void breachesAndRecoveriesBecomeMetrics() throws Exception {
        handler.handle(GenericEventMessage.asEventMessage(
                new TelemetryThresholdBreached("w-1", TelemetryMetric.CPU, 97.5, 90.0, Instant.EPOCH)));
        handler.handle(GenericEventMessage.asEventMessage(
                new TelemetryThresholdRecovered("w-1", TelemetryMetric.CPU, 12.0, 90.0, Instant.EPOCH)));

        assertThat(reported).containsExactly("breached w-1 CPU 97.5", "recovered w-1 CPU 12.0");
    }

    @Test
    void aReplayDoesNotCountOldBreachesAgain() throws Exception {
        GenericTrackedEventMessage<?> replayed = new GenericTrackedEventMessage<>(
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(1)),
                GenericEventMessage.asEventMessage(
                        new TelemetryThresholdBreached("w-1", TelemetryMetric.MEMORY, 95.0, 90.0, Instant.EPOCH)));

        handler.handle(replayed);

        assertThat(reported).isEmpty();
    }
}
