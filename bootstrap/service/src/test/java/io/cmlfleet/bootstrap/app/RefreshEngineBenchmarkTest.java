package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.simulator.RequestCounters;
import io.cmlfleet.simulator.SimulatedWorker;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
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
    /** Intervals on the normal cadence before measuring, and measured (fewer for the long 10,000-worker run). */
    private static final int WARMUP = Integer.getInteger("cmlfleet.bench.warmup-intervals", 2);
    private static final int MEASURED = Integer.getInteger("cmlfleet.bench.measured-intervals", 3);

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
            await().atMost(Duration.ofMinutes(40)).pollInterval(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM worker_summary WHERE service_status = 'AVAILABLE'", Long.class) >= WORKERS);
            // More intervals so that every worker is on the normal cadence, then measure.
            Instant steadyFrom = Instant.now().plus(INTERVAL.multipliedBy(WARMUP));
            await().atMost(INTERVAL.multipliedBy(WARMUP + 1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Instant.now().isAfter(steadyFrom));
            RequestCounters requests = run.fleet().requests();
            requests.reset();
            MeterRegistry meters = run.context.getBean(MeterRegistry.class);
            double skippedBefore = refreshes(meters, "skipped");
            double performedBefore = refreshes(meters, "performed");
            Instant measureFrom = Instant.now();
            Instant measureTo = measureFrom.plus(INTERVAL.multipliedBy(MEASURED));
            await().atMost(INTERVAL.multipliedBy(MEASURED + 1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Instant.now().isAfter(measureTo));
            Map<String, Long> calls = requests.snapshot();
            double skipped = refreshes(meters, "skipped") - skippedBefore;
            double performed = refreshes(meters, "performed") - performedBefore;

            List<Long> gapsMillis = new ArrayList<>();
            long refreshes = 0;
            long eventsInWindow = 0;
            Map<String, Long> eventTypes = new java.util.TreeMap<>();
            for (SimulatedWorker worker : run.fleet().workers()) {
                // One read of the worker's stream serves the gaps and the events in the window.
                List<DomainEventMessage<?>> messages = run.messages(SimulatedFleetImporter.workerIdFor(worker));
                List<Instant> starts = new ArrayList<>();
                for (DomainEventMessage<?> message : messages) {
                    if (message.getPayload() instanceof RefreshCompleted completed
                            && !completed.startedAt().isBefore(measureFrom)
                            && completed.startedAt().isBefore(measureTo)) {
                        starts.add(completed.startedAt());
                    }
                }
                refreshes += starts.size();
                for (int i = 1; i < starts.size(); i++) {
                    gapsMillis.add(Duration.between(starts.get(i - 1), starts.get(i)).toMillis());
                }
                List<String> typesInWindow = messages.stream()
                        .filter(message -> !message.getTimestamp().isBefore(measureFrom)
                                && message.getTimestamp().isBefore(measureTo))
                        .map(message -> message.getPayloadType().getSimpleName()).toList();
                eventsInWindow += typesInWindow.size();
                typesInWindow.forEach(type -> eventTypes.merge(type, 1L, Long::sum));
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
                    refreshes, INTERVAL.multipliedBy(MEASURED).toSeconds(), cycles);
            System.out.printf("BENCH engine AWS calls per cycle: DescribeInstances %.1f, DescribeInstanceStatus %.1f,"
                            + " GetMetricData %.1f, total %.1f; floor %d; ratio %.2f%n",
                    calls.getOrDefault("DescribeInstances", 0L) / cycles,
                    calls.getOrDefault("DescribeInstanceStatus", 0L) / cycles,
                    calls.getOrDefault("GetMetricData", 0L) / cycles, awsCalls / cycles, floor,
                    awsCalls / cycles / floor);
            System.out.printf("BENCH engine achieved interval p50 %.2f s, p90 %.2f s (configured %d s): p90/configured"
                            + " %.2f%n", percentile(gapsMillis, 50) / 1000.0, percentile(gapsMillis, 90) / 1000.0,
                    INTERVAL.toSeconds(), percentile(gapsMillis, 90) / 1000.0 / INTERVAL.toSeconds());
            long cmlRequests = calls.entrySet().stream().filter(entry -> entry.getKey().startsWith("cml:"))
                    .mapToLong(Map.Entry::getValue).sum();
            System.out.printf("BENCH engine deadlines skipped (the worker's refresh still queued or running) %.0f,"
                    + " refreshes performed %.0f%n", skipped, performed);
            System.out.printf("BENCH engine CML requests per refresh %.2f, new TLS connections per refresh %.2f%n",
                    (double) cmlRequests / refreshes, (double) calls.getOrDefault("tls:connections", 0L) / refreshes);
            System.out.printf("BENCH engine events per refresh %.2f (all event types, steady fleet)%n",
                    (double) eventsInWindow / refreshes);
            long refreshCount = refreshes;
            System.out.printf("BENCH engine events per refresh by type: %s%n", eventTypes.entrySet().stream()
                    .map(entry -> entry.getKey() + String.format(" %.3f", (double) entry.getValue() / refreshCount))
                    .collect(Collectors.joining(", ")));
            // Axon's JDBC store keeps the timestamp as ISO-8601 text, so the window is a text range.
            Map<String, Object> stored = jdbc.queryForMap("SELECT COUNT(*) AS events, SUM(OCTET_LENGTH(payload)) AS bytes"
                    + " FROM DomainEventEntry WHERE timeStamp >= ? AND timeStamp < ?",
                    org.axonframework.common.DateTimeUtils.formatInstant(measureFrom),
                    org.axonframework.common.DateTimeUtils.formatInstant(measureTo));
            double perWorkerDay = 86_400.0 / INTERVAL.toSeconds() / WORKERS / MEASURED;
            System.out.printf("BENCH engine per worker and day at this interval: %.0f events, %.0f payload bytes%n",
                    ((Number) stored.get("EVENTS")).doubleValue() * perWorkerDay,
                    stored.get("BYTES") == null ? 0.0 : ((Number) stored.get("BYTES")).doubleValue() * perWorkerDay);
            System.out.printf("BENCH engine RSS %s%n", residentSetSize());
            System.out.printf("BENCH engine heap used %d MB%n",
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
            assertThat(refreshes).isPositive();
        }
    }

    /** Refreshes the executor finished with this result so far, on every trigger. */
    private static double refreshes(MeterRegistry meters, String result) {
        return meters.find("cmlfleet.refresh.duration").tag("result", result).timers().stream()
                .mapToDouble(timer -> timer.count()).sum();
    }

    private static String residentSetSize() {
        try {
            return java.nio.file.Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).map(line -> line.substring(6).trim()).findFirst()
                    .orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static long ceil(long n, long per) {
        return (n + per - 1) / per;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
