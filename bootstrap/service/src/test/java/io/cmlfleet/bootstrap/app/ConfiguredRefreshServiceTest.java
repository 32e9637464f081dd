package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.TelemetryMetric;
import io.cmlfleet.domain.worker.event.TelemetryThresholdBreached;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Settings of the running service reach what they configure, against the simulated fleet: the breach thresholds of
 * {@code cmlfleet.refresh.*} decide the aggregate's threshold events and their metric, and
 * {@code cmlfleet.aggregate.snapshot-threshold} makes the service snapshot its workers, and
 * {@code cmlfleet.refresh.parallelism} bounds the refresh executor's threads (the default, 8, would start one per
 * simulated worker here).
 */
class ConfiguredRefreshServiceTest {

    /** Below any CPU the simulator reports, and a memory level nothing reaches. */
    private static final double CPU_THRESHOLD = 0.01;
    private static final double MEMORY_THRESHOLD = 100.0;

    @TempDir
    Path dataDir;

    @Test
    void thresholdsAndSnapshotsFollowTheConfiguration() {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.refresh.cpu-threshold-percent", String.valueOf(CPU_THRESHOLD),
                "cmlfleet.refresh.memory-threshold-percent", String.valueOf(MEMORY_THRESHOLD),
                "cmlfleet.aggregate.snapshot-threshold", "5",
                "cmlfleet.refresh.parallelism", "2"))) {
            List<String> workers = run.fleet().workers().stream().map(SimulatedFleetImporter::workerIdFor).toList();
            String worker = workers.get(0);
            run.awaitFullCycle(worker);

            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> run.count(worker, TelemetryThresholdBreached.class) > 0);
            List<TelemetryThresholdBreached> breaches = run.events(worker).stream()
                    .filter(TelemetryThresholdBreached.class::isInstance).map(TelemetryThresholdBreached.class::cast)
                    .toList();
            assertThat(breaches).allSatisfy(breach -> {
                assertThat(breach.metric()).isEqualTo(TelemetryMetric.CPU);
                assertThat(breach.threshold()).isEqualTo(CPU_THRESHOLD);
            });
            assertThat(run.context.getBean(MeterRegistry.class).counter("cmlfleet.telemetry.threshold.breaches",
                    "metric", "CPU").count()).isPositive();

            assertThat(workers).hasSizeGreaterThan(2);
            workers.forEach(run::awaitFullCycle);
            assertThat(Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("cmlfleet-refresh-")))
                    .as("refresh executor threads").hasSize(2);

            JdbcTemplate jdbc = run.context.getBean(JdbcTemplate.class);
            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Long.class, worker) > 0);
        }
    }
}
