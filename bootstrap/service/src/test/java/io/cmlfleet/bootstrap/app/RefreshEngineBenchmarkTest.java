package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import io.cmlfleet.simulator.RequestCounters;
import io.cmlfleet.simulator.SimulatedWorker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The refresh engine of the running service against a simulated fleet of {@code cmlfleet.bench.workers} (default
 * 1,000) in two regions, for {@code docs/benchmarks.md}: AWS calls per cycle counted by the simulator against the
 * floor, the achieved refresh interval against the configured one, and events per steady refresh. Not part of the
 * test run (tag {@code benchmark}); run with
 * {@code mvn -B -pl bootstrap/service -am test -Dgroups=benchmark -Dcmlfleet.excluded-tests=none -Dtest=RefreshEngineBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints its measurements; it asserts only that the fleet was measured.
 */
@Tag("benchmark")
class RefreshEngineBenchmarkTest {

    private static final int WORKERS = Integer.getInteger("cmlfleet.bench.workers", 1_000);
    private static final Duration INTERVAL = Duration.ofSeconds(Integer.getInteger("cmlfleet.bench.interval", 30));

    @TempDir
    Path dataDir;

    @Test
    void awsCallsAndIntervalsOfASteadyFleet() {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.ofEntries(
                Map.entry("cmlfleet.storage.data-dir", dataDir.toString()),
                Map.entry("cmlfleet.simulator.instances", String.valueOf(WORKERS)),
                Map.entry("cmlfleet.simulator.min-cml-boot-delay", "1s"),
                Map.entry("cmlfleet.simulator.max-cml-boot-delay", "2s"),
                Map.entry("cmlfleet.monitoring.fast-interval", INTERVAL.dividedBy(2).toSeconds() + "s"),
                Map.entry("cmlfleet.monitoring.normal-interval", INTERVAL.toSeconds() + "s"),
                Map.entry("cmlfleet.monitoring.jitter-slots", System.getProperty("cmlfleet.bench.slots", "10")),
                Map.entry("cmlfleet.monitoring.deadline-polling-interval", "500ms"),
                Map.entry("cmlfleet.refresh.batch-window", "1s")))) {
            JdbcTemplate jdbc = run.context.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM worker_summary WHERE service_status = 'AVAILABLE'", Long.class) >= WORKERS);
            // Two more intervals so that every worker is on the normal cadence, then measure three.
            Instant steadyFrom = Instant.now().plus(INTERVAL.multipliedBy(2));
            await().atMost(INTERVAL.multipliedBy(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Instant.now().isAfter(steadyFrom));
            RequestCounters requests = run.fleet().requests();
            requests.reset();
            Instant measureFrom = Instant.now();
            Instant measureTo = measureFrom.plus(INTERVAL.multipliedBy(3));
            await().atMost(INTERVAL.multipliedBy(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Instant.now().isAfter(measureTo));
            Map<String, Long> calls = requests.snapshot();

            List<Long> gapsMillis = new ArrayList<>();
            long refreshes = 0;
            long eventsInWindow = 0;
            for (SimulatedWorker worker : run.fleet().workers()) {
                List<WorkerEvent> events = run.eventStore().readEvents(SimulatedFleetImporter.workerIdFor(worker))
                        .asStream().map(message -> (WorkerEvent) message.getPayload()).toList();
                List<Instant> starts = new ArrayList<>();
                for (WorkerEvent event : events) {
                    if (event instanceof RefreshCompleted completed && !completed.startedAt().isBefore(measureFrom)
                            && completed.startedAt().isBefore(measureTo)) {
                        starts.add(completed.startedAt());
                    }
                }
                refreshes += starts.size();
                for (int i = 1; i < starts.size(); i++) {
                    gapsMillis.add(Duration.between(starts.get(i - 1), starts.get(i)).toMillis());
                }
                eventsInWindow += run.eventStore().readEvents(SimulatedFleetImporter.workerIdFor(worker)).asStream()
                        .filter(message -> !message.getTimestamp().isBefore(measureFrom)
                                && message.getTimestamp().isBefore(measureTo)).count();
            }
            Collections.sort(gapsMillis);
            double cycles = (double) refreshes / WORKERS;
            Map<String, Long> perRegion = run.fleet().workers().stream()
                    .collect(Collectors.groupingBy(SimulatedWorker::region, Collectors.counting()));
            long floor = perRegion.values().stream().mapToLong(n -> ceil(n, 1000) + ceil(n, 100) + ceil(2 * n, 500))
                    .sum();
            long awsCalls = calls.getOrDefault("DescribeInstances", 0L) + calls.getOrDefault("DescribeInstanceStatus", 0L)
                    + calls.getOrDefault("GetMetricData", 0L);
            System.out.printf("BENCH engine %d workers %s, interval %d s, %s slots: %d refreshes in %d s (%.2f cycles)%n",
                    WORKERS, perRegion, INTERVAL.toSeconds(), System.getProperty("cmlfleet.bench.slots", "10"),
                    refreshes, INTERVAL.multipliedBy(3).toSeconds(), cycles);
            System.out.printf("BENCH engine AWS calls per cycle: DescribeInstances %.1f, DescribeInstanceStatus %.1f,"
                            + " GetMetricData %.1f, total %.1f; floor %d; ratio %.2f%n",
                    calls.getOrDefault("DescribeInstances", 0L) / cycles,
                    calls.getOrDefault("DescribeInstanceStatus", 0L) / cycles,
                    calls.getOrDefault("GetMetricData", 0L) / cycles, awsCalls / cycles, floor,
                    awsCalls / cycles / floor);
            System.out.printf("BENCH engine achieved interval p50 %.2f s, p90 %.2f s (configured %d s): p90/configured"
                            + " %.2f%n", percentile(gapsMillis, 50) / 1000.0, percentile(gapsMillis, 90) / 1000.0,
                    INTERVAL.toSeconds(), percentile(gapsMillis, 90) / 1000.0 / INTERVAL.toSeconds());
            System.out.printf("BENCH engine events per refresh %.2f (all event types, steady fleet)%n",
                    (double) eventsInWindow / refreshes);
            System.out.printf("BENCH engine heap used %d MB%n",
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
            assertThat(refreshes).isPositive();
        }
    }

    private static long ceil(long n, long per) {
        return (n + per - 1) / per;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
