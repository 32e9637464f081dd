package io.cmlfleet.application.readmodel;

import static io.cmlfleet.application.readmodel.FleetStreams.at;
import static io.cmlfleet.application.readmodel.FleetStreams.created;
import static io.cmlfleet.application.readmodel.FleetStreams.telemetry;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.readmodel.projection.ProcessingGroups;
import io.cmlfleet.application.readmodel.query.GetTelemetryHistory;
import io.cmlfleet.application.readmodel.query.TelemetryHistory;
import io.cmlfleet.application.readmodel.query.TelemetryPoint;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelemetryHistoryProjectionTest {

    private ProjectionHarness harness;

    @BeforeEach
    void start() {
        harness = new ProjectionHarness();
        harness.publish(
                created("worker-1", "one", "eu-west-1", "i-00000001", 0),
                created("worker-2", "two", "eu-west-1", "i-00000002", 0),
                telemetry("worker-1", 10.0, 40.0, 300),
                telemetry("worker-2", 90.0, 95.0, 300),
                telemetry("worker-1", 20.0, 41.0, 600),
                telemetry("worker-1", 0.0, null, 900),
                telemetry("worker-1", 30.0, 42.0, 1200));
        harness.awaitCaughtUp();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void windowIsHalfOpenOrderedAndLimitedToTheWorker() {
        TelemetryHistory history = history("worker-1", 600, 1200);

        assertThat(history.points()).containsExactly(
                new TelemetryPoint(at(600), 20.0, 41.0, 300),
                // 0.0 is a real value, null is "no datapoint": both survive the round trip.
                new TelemetryPoint(at(900), 0.0, null, 300));
    }

    @Test
    void wholeSeriesOfAWorker() {
        assertThat(history("worker-1", 0, 3600).points()).extracting(TelemetryPoint::sampledAt)
                .containsExactly(at(300), at(600), at(900), at(1200));
        assertThat(history("worker-2", 0, 3600).points())
                .containsExactly(new TelemetryPoint(at(300), 90.0, 95.0, 300));
    }

    @Test
    void emptyWindowHasNoPoints() {
        assertThat(history("worker-1", 1201, 3600).points()).isEmpty();
        assertThat(history("worker-404", 0, 3600).points()).isEmpty();
    }

    @Test
    void aSampleDeliveredAgainKeepsOneRowPerWorkerAndTime() {
        harness.publish(telemetry("worker-1", 25.0, 45.0, 600));
        harness.awaitCaughtUp();

        assertThat(history("worker-1", 600, 601).points())
                .containsExactly(new TelemetryPoint(at(600), 25.0, 45.0, 300));
        assertThat(harness.jdbc().queryForObject(
                "SELECT COUNT(*) FROM " + ProjectionTables.TELEMETRY_SAMPLE, Long.class)).isEqualTo(5);
    }

    @Test
    void samplesLessThanAMicrosecondApartAndARedeliveryLeaveOneRowAndNoDeadLetter() {
        Instant sampledAt = at(1500).plusNanos(1_000);
        TelemetryUpdated first = new TelemetryUpdated("worker-1", 50.0, 60.0, sampledAt, 300);
        TelemetryUpdated subMicrosecondLater = new TelemetryUpdated("worker-1", 55.0, 65.0, sampledAt.plusNanos(1), 300);
        harness.publish(first, subMicrosecondLater, subMicrosecondLater);
        harness.awaitCaughtUp();

        assertThat(history("worker-1", 1500, 1501).points())
                .containsExactly(new TelemetryPoint(sampledAt, 55.0, 65.0, 300));
        assertThat(harness.jdbc().queryForObject(
                "SELECT COUNT(*) FROM " + ProjectionTables.TELEMETRY_SAMPLE, Long.class)).isEqualTo(6);
        assertThat(harness.deadLetterQueue(ProcessingGroups.TELEMETRY_HISTORY).size()).isZero();
    }

    private TelemetryHistory history(String workerId, long fromSeconds, long toSeconds) {
        return harness.query(new GetTelemetryHistory(workerId, at(fromSeconds), at(toSeconds)),
                ResponseTypes.instanceOf(TelemetryHistory.class));
    }
}
