package io.cmlfleet.application.readmodel;

import static io.cmlfleet.application.readmodel.FleetStreams.at;
import static io.cmlfleet.application.readmodel.FleetStreams.created;
import static io.cmlfleet.application.readmodel.FleetStreams.status;
import static io.cmlfleet.application.readmodel.FleetStreams.telemetry;
import static io.cmlfleet.application.readmodel.schema.SqlTime.toSql;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.readmodel.projection.ProcessingGroups;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectionReplayTest {

    private ProjectionHarness harness;

    @BeforeEach
    void start() {
        harness = new ProjectionHarness();
        harness.publishAll(FleetStreams.twoWorkersInterleaved());
        harness.publish(
                created("worker-3", "lab-worker-3", "ap-south-1", "i-00000003", 30),
                status("worker-3", WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, 40),
                telemetry("worker-3", 55.5, 70.0, 600),
                // A poisoned sequence: dead-lettered before and after the rebuild alike.
                status("ghost", WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, 50));
        harness.awaitCaughtUp();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void resetAndReplayRebuildsIdenticalTables() {
        Map<String, List<Map<String, Object>>> before = snapshot();
        List<Map<String, Object>> deadLettersBefore = deadLetters();
        assertThat(before.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        assertThat(deadLettersBefore).isNotEmpty();

        // Rows no event explains: a rebuild that does not clear the tables first would keep them.
        insertStaleRows();
        assertThat(snapshot()).isNotEqualTo(before);

        for (String group : ProcessingGroups.ALL) {
            TrackingEventProcessor processor = harness.processor(group);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        harness.awaitCaughtUp();

        assertThat(snapshot()).isEqualTo(before);
        assertThat(deadLetters()).isEqualTo(deadLettersBefore);
    }

    @Test
    void oneProjectionCanBeRebuiltAlone() {
        Map<String, List<Map<String, Object>>> before = snapshot();
        harness.jdbc().update("DELETE FROM " + ProjectionTables.TELEMETRY_SAMPLE);

        TrackingEventProcessor telemetry = harness.processor(ProcessingGroups.TELEMETRY_HISTORY);
        telemetry.shutDown();
        telemetry.resetTokens();
        telemetry.start();
        harness.awaitCaughtUp();

        assertThat(snapshot()).isEqualTo(before);
    }

    private void insertStaleRows() {
        harness.jdbc().update("INSERT INTO " + ProjectionTables.WORKER_SUMMARY
                        + " (worker_id, status, service_status, updated_at) VALUES (?, ?, ?, ?)",
                "stale", "RUNNING", "AVAILABLE", toSql(at(0)));
        harness.jdbc().update("INSERT INTO " + ProjectionTables.TELEMETRY_SAMPLE
                        + " (worker_id, sampled_at, cpu_percent, window_seconds) VALUES (?, ?, ?, ?)",
                "worker-1", toSql(at(1)), 99.0, 60);
        harness.jdbc().update("INSERT INTO " + ProjectionTables.FLEET_WORKER_STATUS
                + " (worker_id, region, status, service_status) VALUES (?, ?, ?, ?)",
                "stale", "eu-west-1", "RUNNING", "AVAILABLE");
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return Map.of(
                ProjectionTables.WORKER_SUMMARY, harness.rows(ProjectionTables.WORKER_SUMMARY, "worker_id"),
                ProjectionTables.TELEMETRY_SAMPLE,
                harness.rows(ProjectionTables.TELEMETRY_SAMPLE, "worker_id, sampled_at"),
                ProjectionTables.FLEET_WORKER_STATUS, harness.rows(ProjectionTables.FLEET_WORKER_STATUS, "worker_id"));
    }

    /** The dead letters without their random ids and enqueue times, which a rebuild legitimately renews. */
    private List<Map<String, Object>> deadLetters() {
        return harness.jdbc().queryForList("SELECT processingGroup, sequenceIdentifier, sequenceIndex, payloadType,"
                + " causeMessage FROM " + ProjectionTables.DEAD_LETTER
                + " ORDER BY processingGroup, sequenceIdentifier, sequenceIndex");
    }
}
