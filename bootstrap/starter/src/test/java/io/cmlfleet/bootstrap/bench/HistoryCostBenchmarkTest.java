package io.cmlfleet.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.application.forensics.FindingsAnalyzer;
import io.cmlfleet.application.forensics.ForensicsSettings;
import io.cmlfleet.application.forensics.GetWorkerFindings;
import io.cmlfleet.application.forensics.GetWorkerStateAt;
import io.cmlfleet.application.forensics.GetWorkerTimeline;
import io.cmlfleet.application.forensics.WorkerForensics;
import io.cmlfleet.application.forensics.WorkerStateSnapshot;
import io.cmlfleet.application.forensics.WorkerTimeline;
import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.application.forensics.history.WorkerHistoryReader;
import io.cmlfleet.application.monitoring.MonitoringSettings;
import io.cmlfleet.application.readmodel.projection.ForensicCheckpoints;
import io.cmlfleet.bootstrap.host.FakeCloud;
import io.cmlfleet.bootstrap.host.HostApplication;
import io.cmlfleet.domain.worker.WorkerOrigin;
import io.cmlfleet.domain.worker.command.RecordTelemetry;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one command costs as a worker's history grows, for {@code docs/benchmarks.md}: workers with 10, 1,000,
 * 10,000 and 100,000 prior events on the embedded store, under three configurations in one run (no snapshots and no
 * cache, as before snapshots existed; snapshots only, so every command loads from the store; the defaults, snapshots
 * and cache), each reported as a median and as the ratio to the 10-event worker. Then the forensic answers on the
 * 100,000-event worker. Not part of the test run (tag {@code benchmark}); run with
 * {@code mvn -B -pl bootstrap/starter -am test -Dgroups=benchmark -Dcmlfleet.excluded-tests=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=HistoryCostBenchmarkTest}.
 */
@Tag("benchmark")
class HistoryCostBenchmarkTest {

    /**
     * The history lengths; {@code -Dcmlfleet.bench.histories=10,100000} measures only those (while iterating: the
     * ratio column still divides the longest by the shortest).
     */
    private static final int[] HISTORIES = Arrays.stream(System.getProperty("cmlfleet.bench.histories",
            "10,1000,10000,100000").split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    private static final int BATCH = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void commandCostByHistoryLength() {
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        configurations.put("no snapshots, no cache", Map.of("cmlfleet.aggregate.snapshot-threshold", "0",
                "cmlfleet.aggregate.cache-enabled", "false"));
        configurations.put("snapshots, no cache", Map.of("cmlfleet.aggregate.cache-enabled", "false"));
        configurations.put("defaults (snapshots and cache)", Map.of());
        StringBuilder report = new StringBuilder("\n| configuration |");
        Arrays.stream(HISTORIES).forEach(n -> report.append(" ").append(n).append(" events |"));
        report.append(" 100k / 10 |\n");
        for (Map.Entry<String, Map<String, Object>> configuration : configurations.entrySet()) {
            try (ConfigurableApplicationContext context = start(configuration.getKey(), configuration.getValue())) {
                report.append("| ").append(configuration.getKey()).append(" |");
                double first = 0;
                double last = 0;
                for (int history : HISTORIES) {
                    String worker = seed(context, configuration.getKey(), history);
                    double median = medianCommandMillis(context, worker, history >= 100_000 ? 7 : 15);
                    first = first == 0 ? median : first;
                    last = median;
                    report.append(String.format(" %.2f ms |", median));
                }
                report.append(String.format(" %.1f |%n", last / first));
                System.out.println(report);
            }
        }
        System.out.println(report);
        assertThat(report).contains("100k / 10");
    }

    /** The forensic answers on workers of each history length, under the defaults; see {@link #forensics}. */
    @Test
    void forensicCostByHistoryLength() {
        String configuration = "forensics";
        try (ConfigurableApplicationContext context = start(configuration, Map.of())) {
            Arrays.stream(HISTORIES).forEach(history -> seed(context, configuration, history));
            String report = forensics(context, configuration);
            System.out.println(report);
            assertThat(report).contains("100k / 10");
        }
    }

    private ConfigurableApplicationContext start(String name, Map<String, Object> settings) {
        Map<String, Object> properties = new LinkedHashMap<>(settings);
        properties.put("cmlfleet.storage.data-dir", dataDir.resolve(name.replaceAll("\\W", "")).toString());
        // The monitoring saga starts for each seeded worker; keep its refreshes out of the measurement.
        properties.put("cmlfleet.monitoring.fast-interval", "1h");
        properties.put("cmlfleet.monitoring.normal-interval", "2h");
        properties.put("logging.level.io.cmlfleet", "WARN");
        return new SpringApplicationBuilder(HostApplication.class, FakeCloud.class)
                .web(WebApplicationType.NONE).properties(properties).run();
    }

    /** A worker with {@code history} events, written straight to the store in batches. */
    private static String seed(ConfigurableApplicationContext context, String configuration, int history) {
        String worker = configuration + "-" + history;
        EventStore events = context.getBean(EventStore.class);
        TransactionManager transactions = context.getBean(TransactionManager.class);
        Instant start = Instant.now().minusSeconds(history + 3_600L);
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        // One instance per worker: an instance is watched by at most one live worker (instance claims).
        String instance = String.format("i-%017x", configuration.hashCode() * 1_000_003L + history & 0xFFFFFFFFFFFFFL);
        batch.add(message(worker, 0, new WorkerCreated(worker, "bench", "eu-west-1", instance,
                "c5.2xlarge", "ami-12345678", null, Map.of(), "benchmark", WorkerOrigin.IMPORTED, start)));
        for (int sequence = 1; sequence < history; sequence++) {
            batch.add(message(worker, sequence, new TelemetryUpdated(worker, 10.0 + sequence % 70, 40.0,
                    start.plusSeconds(sequence), 300)));
            if (batch.size() == BATCH) {
                List<DomainEventMessage<?>> full = List.copyOf(batch);
                transactions.executeInTransaction(() -> events.publish(full));
                batch.clear();
            }
        }
        List<DomainEventMessage<?>> rest = List.copyOf(batch);
        transactions.executeInTransaction(() -> events.publish(rest));
        return worker;
    }

    private static DomainEventMessage<?> message(String worker, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("CMLWorker", worker, sequence, payload);
    }

    /** Two warm-up commands (the first loads the whole stream and may take the first snapshot), then the median. */
    private static double medianCommandMillis(ConfigurableApplicationContext context, String worker, int samples) {
        CommandGateway commands = context.getBean(CommandGateway.class);
        double[] millis = new double[samples];
        for (int i = -2; i < samples; i++) {
            RecordTelemetry command = new RecordTelemetry(worker, 20.0 + (i & 1), 40.0, Instant.now(), 300, 90.0,
                    90.0);
            long started = System.nanoTime();
            commands.sendAndWait(command);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - started) / 1e6;
            }
        }
        Arrays.sort(millis);
        return millis[samples / 2];
    }

    /**
     * The forensic answers through the query gateway on each seeded worker, once the checkpoint projection has
     * caught up with it: the timeline's default page (the first 1,000 entries), its last page (a window from the
     * last event's time, which starts after the latest checkpoint before it), state-at now (from the latest
     * checkpoint), findings over the whole history (from the latest checkpoint's findings) and from the last event
     * (from the context of the checkpoint before it); then, for comparison in the same run, findings by the full
     * fold as they were answered before findings checkpoints, the read alone and the analysis alone. Median of
     * three after one warm-up.
     */
    private static String forensics(ConfigurableApplicationContext context, String configuration) {
        QueryGateway queries = context.getBean(QueryGateway.class);
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        StringBuilder table = new StringBuilder("\n| forensic answer |");
        Arrays.stream(HISTORIES).forEach(n -> table.append(" ").append(n).append(" events |"));
        table.append(" 100k / 10 |\n");
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (int h = 0; h < HISTORIES.length; h++) {
            String worker = configuration + "-" + HISTORIES[h];
            awaitCheckpoints(jdbc, worker, HISTORIES[h]);
            Instant now = Instant.now(); // seeded events carry the time they were written, not their payload time
            Instant lastAt = queries.query(new GetWorkerStateAt(worker, null), WorkerStateSnapshot.class).join()
                    .lastEventAt();
            Map<String, Supplier<?>> answers = new LinkedHashMap<>();
            answers.put("timeline, first page", () -> queries.query(new GetWorkerTimeline(worker, null, null, null),
                    WorkerTimeline.class).join());
            answers.put("timeline, last page (from)", () -> queries.query(new GetWorkerTimeline(worker, lastAt, null,
                    null), WorkerTimeline.class).join());
            answers.put("state-at now", () -> queries.query(new GetWorkerStateAt(worker, now),
                    WorkerStateSnapshot.class).join());
            answers.put("findings, whole history", () -> queries.query(new GetWorkerFindings(worker, null, null),
                    Findings.class).join());
            answers.put("findings, from the last event", () -> queries.query(new GetWorkerFindings(worker, lastAt,
                    null), Findings.class).join());
            // The full fold findings answered before their checkpoints, and where it goes: reading the payloads
            // alone, and the analysis of the list in memory.
            MonitoringSettings monitoring = context.getBean(MonitoringSettings.class);
            ForensicsSettings settings = ForensicsSettings.defaults().withCadences(monitoring.fastInterval(),
                    monitoring.normalInterval());
            EventStore eventStore = context.getBean(EventStore.class);
            answers.put("(full fold) findings, whole history", () -> new WorkerForensics(eventStore, settings)
                    .findings(worker, TimeWindow.all()));
            WorkerHistoryReader reader = new WorkerHistoryReader(eventStore);
            List<RecordedEvent> history = reader.readPayloads(worker);
            FindingsAnalyzer analyzer = new FindingsAnalyzer(settings);
            answers.put("(profile) payloads read, whole history", () -> reader.readPayloads(worker));
            answers.put("(profile) analysis in memory, whole history", () -> analyzer.analyze(worker, history,
                    TimeWindow.all()));
            int column = h;
            answers.forEach((name, answer) -> rows.computeIfAbsent(name, k -> new double[HISTORIES.length])[column]
                    = medianMillis(answer));
        }
        rows.forEach((name, millis) -> {
            table.append("| ").append(name).append(" |");
            Arrays.stream(millis).forEach(m -> table.append(String.format(" %.1f ms |", m)));
            table.append(String.format(" %.1f |%n", millis[millis.length - 1] / millis[0]));
        });
        return table.toString();
    }

    /** Polls (deadline 10 min) until the checkpoint projection has written the worker's last due checkpoint. */
    private static void awaitCheckpoints(JdbcTemplate jdbc, String worker, int history) {
        long expected = (history / ForensicCheckpoints.INTERVAL) * (long) ForensicCheckpoints.INTERVAL - 1;
        if (expected >= 0) {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForObject(
                    "SELECT MAX(sequence_number) FROM forensic_checkpoint WHERE worker_id = ?", Long.class, worker),
                    latest -> latest != null && latest >= expected);
        }
    }

    private static double medianMillis(Supplier<?> answer) {
        millis(answer);
        double[] samples = {millis(answer), millis(answer), millis(answer)};
        Arrays.sort(samples);
        return samples[1];
    }

    private static double millis(Supplier<?> answer) {
        long started = System.nanoTime();
        assertThat(answer.get()).isNotNull();
        return (System.nanoTime() - started) / 1e6;
    }
}
