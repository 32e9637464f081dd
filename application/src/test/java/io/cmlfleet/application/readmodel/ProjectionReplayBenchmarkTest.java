package io.cmlfleet.application.readmodel;

import static io.cmlfleet.application.readmodel.FleetStreams.runningAvailableWorker;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.readmodel.projection.ProcessingGroups;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast a projection is rebuilt from the event store, per-event commits (Axon's default, batch size 1) against
 * {@link ProjectionsModule#DEFAULT_BATCH_SIZE}, side by side in one run on file-based H2 (the service's embedded
 * store), for {@code docs/benchmarks.md}. Not part of the test run (tag {@code benchmark}); run with
 * {@code mvn -B -pl application -am test -Dgroups=benchmark -Dcmlfleet.excluded-tests=none -Dtest=ProjectionReplayBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints events per second; it asserts only that every rebuild produced the same rows.
 */
@Tag("benchmark")
class ProjectionReplayBenchmarkTest {

    private static final int WORKERS = Integer.getInteger("cmlfleet.bench.workers", 2_000);
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void rebuildThroughputByBatchSize() {
        Map<Integer, List<Double>> eventsPerSecond = new LinkedHashMap<>();
        List<Map<String, Object>> expected = null;
        for (int batchSize : new int[] {1, ProjectionsModule.DEFAULT_BATCH_SIZE}) {
            String url = "jdbc:h2:file:" + dir.resolve("batch-" + batchSize) + ";DB_CLOSE_DELAY=-1";
            try (ProjectionHarness harness = new ProjectionHarness(url, ProjectionsModule.DEFAULT_LETTERS_PER_SEQUENCE,
                    batchSize)) {
                List<WorkerEvent> events = fleetHistory();
                harness.publishAll(events);
                harness.awaitCaughtUp();
                for (int round = 0; round < ROUNDS; round++) {
                    TrackingEventProcessor summary = harness.processor(ProcessingGroups.WORKER_SUMMARY);
                    summary.shutDown();
                    summary.resetTokens();
                    long started = System.nanoTime();
                    summary.start();
                    harness.awaitCaughtUp();
                    double seconds = (System.nanoTime() - started) / 1e9;
                    eventsPerSecond.computeIfAbsent(batchSize, k -> new ArrayList<>()).add(events.size() / seconds);
                }
                List<Map<String, Object>> rows = harness.rows(ProjectionTables.WORKER_SUMMARY, "worker_id");
                assertThat(rows).hasSize(WORKERS);
                if (expected == null) {
                    expected = rows;
                } else {
                    assertThat(rows).isEqualTo(expected);
                }
            }
        }
        eventsPerSecond.forEach((batch, rates) -> System.out.printf(
                "BENCH worker-summary rebuild, batch size %d, %d events: %s events/s%n", batch,
                fleetHistory().size(), rates.stream().map(rate -> String.format("%,.0f", rate)).toList()));
    }

    private static List<WorkerEvent> fleetHistory() {
        List<WorkerEvent> events = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            events.addAll(runningAvailableWorker(String.format("worker-%04d", i), "w" + i, "eu-west-1",
                    String.format("i-%08x", i), "10.1." + (i / 250) + "." + (i % 250)));
        }
        return events;
    }
}
