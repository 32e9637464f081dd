package io.cmlfleet.application.operations;

import static io.cmlfleet.application.readmodel.FleetStreams.at;
import static io.cmlfleet.application.readmodel.schema.SqlTime.toSql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmlfleet.application.readmodel.FleetStreams;
import io.cmlfleet.application.readmodel.ProjectionHarness;
import io.cmlfleet.application.readmodel.projection.ProcessingGroups;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's "rebuild projection" on the real projections: tracking processors with JDBC tokens on H2. The
 * rebuild returns only once the processor has caught up, so the tables can be compared right after it.
 */
class ProjectionRebuildTest {

    private ProjectionHarness harness;
    private ProjectionRebuild rebuild;

    @BeforeEach
    void start() {
        harness = new ProjectionHarness();
        harness.publishAll(FleetStreams.twoWorkersInterleaved());
        harness.awaitCaughtUp();
        rebuild = new ProjectionRebuild(harness.eventProcessingConfiguration(), harness.eventStore(),
                Clock.systemUTC(), Duration.ofMillis(20), Duration.ofMinutes(2));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void rebuildsEachProjectionGroupAndReportsProgressUntilCaughtUp() {
        for (String group : ProcessingGroups.ALL) {
            Map<String, List<Map<String, Object>>> before = tables();
            // A row no event explains: only a real reset and replay removes it.
            harness.jdbc().update("INSERT INTO " + ProjectionTables.WORKER_SUMMARY
                    + " (worker_id, status, service_status, updated_at) VALUES (?, ?, ?, ?)",
                    "stale-" + group, "RUNNING", "AVAILABLE", toSql(at(0)));
            harness.jdbc().update("INSERT INTO " + ProjectionTables.FLEET_WORKER_STATUS
                    + " (worker_id, region, status, service_status) VALUES (?, ?, ?, ?)",
                    "stale-" + group, "eu-west-1", "RUNNING", "AVAILABLE");
            harness.jdbc().update("INSERT INTO " + ProjectionTables.TELEMETRY_SAMPLE
                    + " (worker_id, sampled_at, cpu_percent, window_seconds) VALUES (?, ?, ?, ?)",
                    "stale-" + group, toSql(at(1)), 99.0, 60);
            List<RebuildProgress> progress = new CopyOnWriteArrayList<>();

            RebuildSummary summary = rebuild.rebuild(group, progress::add);

            long head = harness.eventStore().createHeadToken().position().orElseThrow();
            assertThat(summary.caughtUp()).as(group + ": " + summary).isTrue();
            assertThat(summary.error()).isNull();
            assertThat(summary.targetPosition()).isEqualTo(head);
            assertThat(summary.finalPosition()).isGreaterThanOrEqualTo(head);
            assertThat(summary.segments()).isPositive();
            assertThat(summary.eventsPerSecond()).isPositive();
            assertThat(progress).isNotEmpty();
            assertThat(progress.get(progress.size() - 1).percent()).isEqualTo(100.0);
            assertThat(progress).allSatisfy(p -> assertThat(p.processingGroup()).isEqualTo(group));
            // The rebuilt group's table is back to what the events say; the stale rows of the others stay.
            String rebuiltTable = tableOf(group);
            assertThat(tables().get(rebuiltTable)).isEqualTo(before.get(rebuiltTable));
            harness.jdbc().update("DELETE FROM " + ProjectionTables.WORKER_SUMMARY + " WHERE worker_id LIKE 'stale-%'");
            harness.jdbc().update("DELETE FROM " + ProjectionTables.FLEET_WORKER_STATUS
                    + " WHERE worker_id LIKE 'stale-%'");
            harness.jdbc().update("DELETE FROM " + ProjectionTables.TELEMETRY_SAMPLE + " WHERE worker_id LIKE 'stale-%'");
        }
    }

    @Test
    void anUnknownGroupIsRefused() {
        assertThatThrownBy(() -> rebuild.rebuild("no-such-group", p -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-group");
    }

    private static String tableOf(String group) {
        return switch (group) {
            case ProcessingGroups.WORKER_SUMMARY -> ProjectionTables.WORKER_SUMMARY;
            case ProcessingGroups.TELEMETRY_HISTORY -> ProjectionTables.TELEMETRY_SAMPLE;
            case ProcessingGroups.FLEET_OVERVIEW -> ProjectionTables.FLEET_WORKER_STATUS;
            case ProcessingGroups.WORKER_LABS -> ProjectionTables.WORKER_LAB;
            case ProcessingGroups.FORENSIC_CHECKPOINTS -> ProjectionTables.FORENSIC_CHECKPOINT;
            default -> throw new IllegalArgumentException(group);
        };
    }

    private Map<String, List<Map<String, Object>>> tables() {
        return Map.of(
                ProjectionTables.WORKER_SUMMARY, harness.rows(ProjectionTables.WORKER_SUMMARY, "worker_id"),
                ProjectionTables.TELEMETRY_SAMPLE,
                harness.rows(ProjectionTables.TELEMETRY_SAMPLE, "worker_id, sampled_at"),
                ProjectionTables.FLEET_WORKER_STATUS, harness.rows(ProjectionTables.FLEET_WORKER_STATUS, "worker_id"),
                ProjectionTables.WORKER_LAB, harness.rows(ProjectionTables.WORKER_LAB, "worker_id, lab_id"),
                ProjectionTables.FORENSIC_CHECKPOINT,
                harness.rows(ProjectionTables.FORENSIC_CHECKPOINT, "worker_id, sequence_number"));
    }
}
