package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.TelemetryThresholdBreached;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The same end-to-end refresh, run by each storage mode's subclass: the service against the simulated fleet over
 * real HTTPS, workers imported, RUNNING, endpoint found, AVAILABLE, CML stats and telemetry recorded, a CPU threshold
 * breached, then exactly one refresh of each worker per interval; and the database pool sized for the mode.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class EndToEndRefreshContract {

    static final Duration NORMAL = Duration.ofSeconds(2);
    private static final int INTERVALS = 3;

    /** The mode's settings (store, database). */
    abstract Map<String, Object> storeProperties();

    /**
     * The connections the mode needs with the run's settings (docs/operations.md, "Pool sizes"); in the JDBC modes
     * 7 processors + 4 deadline threads + their poller + 8 refresh threads + 4 lab listing threads + 4.
     */
    int expectedPoolSize() {
        return 28;
    }

    /** Extra configuration classes of the mode (none by default). */
    Class<?>[] extraSources() {
        return new Class<?>[0];
    }

    /** What the mode's event store must be; in the JDBC modes Axon's embedded one on the JDBC storage engine. */
    Class<? extends EventStore> expectedEventStore() {
        return EmbeddedEventStore.class;
    }

    /** What the mode's store must hold after the run (nothing more by default). */
    void checkStore(SimulatedFleetRun run) {
    }

    /** The mode's own secrets, which must not appear in the log (the CML password is checked in every mode). */
    List<String> secrets() {
        return List.of();
    }

    @Test
    void aWorkerIsImportedBecomesAvailableIsMeasuredBreachesAndIsRefreshedOncePerInterval(CapturedOutput output) {
        String cmlPassword;
        Map<String, Object> properties = new HashMap<>(storeProperties());
        properties.put("cmlfleet.refresh.cpu-threshold-percent", "1");
        properties.put("cmlfleet.monitoring.normal-interval", NORMAL.toMillis() + "ms");
        try (SimulatedFleetRun run = SimulatedFleetRun.start(properties, extraSources())) {
            assertThat(run.eventStore()).isInstanceOf(expectedEventStore());
            assertThat(run.context.getBean(DataSource.class)).isInstanceOfSatisfying(HikariDataSource.class,
                    pool -> assertThat(pool.getMaximumPoolSize()).as("derived pool size")
                            .isEqualTo(expectedPoolSize()));
            cmlPassword = run.fleet().cmlPassword();
            List<String> workers = run.fleet().workers().stream().map(SimulatedFleetImporter::workerIdFor).toList();
            workers.forEach(run::awaitFullCycle);
            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> workers.stream()
                    .allMatch(worker -> run.count(worker, TelemetryThresholdBreached.class) >= 1));

            long first = intervalOf(Instant.now()) + 1;
            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> intervalOf(Instant.now()) > first + INTERVALS);
            for (String worker : workers) {
                List<DomainEventMessage<?>> events = run.messages(worker);
                Map<Long, Long> perInterval = events.stream()
                        .filter(event -> event.getPayload() instanceof RefreshCompleted)
                        .collect(Collectors.groupingBy(event -> intervalOf(event.getTimestamp()), TreeMap::new,
                                Collectors.counting()));
                for (long interval = first; interval < first + INTERVALS; interval++) {
                    assertThat(perInterval.getOrDefault(interval, 0L))
                            .as("refreshes of %s in interval %d (all: %s)", worker, interval, perInterval)
                            .isEqualTo(1L);
                }
                for (int i = 0; i < events.size(); i++) {
                    assertThat(events.get(i).getSequenceNumber()).as("sequence of event %d", i).isEqualTo(i);
                }
            }
            checkStore(run);
        }
        assertThat(output.getAll()).doesNotContain(cmlPassword);
        secrets().forEach(secret -> assertThat(output.getAll()).doesNotContain(secret));
    }

    static long intervalOf(Instant instant) {
        return instant.toEpochMilli() / NORMAL.toMillis();
    }
}
