package io.cmlfleet.bootstrap.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.forensics.GetWorkerTimeline;
import io.cmlfleet.application.forensics.WorkerTimeline;
import io.cmlfleet.domain.worker.WorkerSnapshot;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.command.RecordTelemetry;
import io.cmlfleet.domain.worker.command.RegisterWorker;
import io.cmlfleet.domain.worker.event.TelemetryThresholdBreached;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code cmlfleet.aggregate.snapshot-threshold} in a host on the embedded store: a worker with a long history is
 * snapshotted, later commands decide on the state restored from the snapshot (the cache is off here, so every
 * command loads the worker from the store), an incompatible snapshot is ignored, and forensics still reads every
 * event.
 */
@SpringBootTest(classes = {HostApplication.class, FakeCloud.class}, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WorkerSnapshotsTest {

    private static final int THRESHOLD = 20;

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cmlfleet.storage.data-dir", () -> dataDir.toString());
        registry.add("cmlfleet.aggregate.snapshot-threshold", () -> String.valueOf(THRESHOLD));
        registry.add("cmlfleet.aggregate.cache-enabled", () -> "false");
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLongHistoryIsSnapshottedAndLaterCommandsDecideOnTheRestoredState() {
        String worker = newWorkerWithTelemetry(3 * THRESHOLD);

        await().atMost(Duration.ofSeconds(30)).until(() -> latestSnapshotSequence(worker) >= THRESHOLD);
        assertThat(jdbc.queryForList("SELECT payloadType, payloadRevision FROM SnapshotEventEntry"
                + " WHERE aggregateIdentifier = ?", worker))
                .allSatisfy(row -> assertThat(row).containsEntry("PAYLOADTYPE", "CMLWorkerSnapshot")
                        .containsEntry("PAYLOADREVISION", WorkerSnapshot.REVISION));

        assertThat(breachesAfter(worker, 95.0)).as("first crossing of the threshold").isEqualTo(1);
        assertThat(breachesAfter(worker, 96.0)).as("still breached: known from snapshot and events").isEqualTo(1);

        long stored = eventStore.readEvents(worker, 0L).asStream().count();
        WorkerTimeline timeline = queries.query(new GetWorkerTimeline(worker, null, null, null), WorkerTimeline.class)
                .join();
        assertThat(timeline.entries()).as("forensics reads every event, not the snapshot").hasSize((int) stored);
        assertThat(stored).isGreaterThan(3L * THRESHOLD);
    }

    @Test
    void anIncompatibleSnapshotIsIgnoredAndTheWorkerIsRebuiltFromItsEvents() {
        String worker = newWorkerWithTelemetry(THRESHOLD / 2);
        long last = eventStore.lastSequenceNumberFor(worker).orElseThrow();
        // What an older or newer version might have left: another revision, and Axon's own aggregate snapshot.
        storeSnapshot(worker, last, "CMLWorkerSnapshot", "0", "{\"unexpected\":true}");
        storeSnapshot(worker, last - 1, "io.cmlfleet.domain.worker.CMLWorker", null, "{}");

        assertThat(breachesAfter(worker, 95.0)).isEqualTo(1);
        assertThat(breachesAfter(worker, 97.0)).isEqualTo(1);
    }

    @Test
    void aCompatibleSnapshotIsWhatTheWorkerIsLoadedFrom() throws Exception {
        String worker = newWorkerWithTelemetry(THRESHOLD / 2);
        long last = eventStore.lastSequenceNumberFor(worker).orElseThrow();
        WorkerState state = WorkerState.replay(eventStore.readEvents(worker, 0L).asStream()
                .map(event -> (WorkerEvent) event.getPayload()).toList());
        // A snapshot that says more than the events do (CPU already breached): if the worker is loaded from it, the
        // next high reading is no new crossing.
        String stored = CmlfleetSerializer.create().serialize(WorkerSnapshot.of(state), String.class).getData();
        ObjectNode forged = (ObjectNode) new ObjectMapper().readTree(stored);
        forged.putArray("breachedMetrics").add("CPU");
        storeSnapshot(worker, last, CmlfleetSerializer.SNAPSHOT_TYPE, WorkerSnapshot.REVISION, forged.toString());

        assertThat(breachesAfter(worker, 95.0)).isZero();
    }

    private String newWorkerWithTelemetry(int samples) {
        String unique = UUID.randomUUID().toString().replace("-", "");
        String worker = "snap-" + unique.substring(0, 8);
        // An instance of its own: an instance is watched by at most one live worker.
        commands.sendAndWait(new RegisterWorker(worker, "snapshot test", "eu-west-1", "i-0" + unique.substring(0, 16),
                "c5.2xlarge", "ami-12345678", null, Map.of(), "host-test"));
        Instant start = Instant.now().minusSeconds(samples + 60L);
        for (int i = 0; i < samples; i++) {
            commands.sendAndWait(telemetry(worker, 10.0 + i % 50, start.plusSeconds(i)));
        }
        return worker;
    }

    private long breachesAfter(String worker, double cpu) {
        commands.sendAndWait(telemetry(worker, cpu, Instant.now()));
        return eventStore.readEvents(worker, 0L).asStream()
                .filter(event -> event.getPayload() instanceof TelemetryThresholdBreached)
                .count();
    }

    private static RecordTelemetry telemetry(String worker, double cpu, Instant at) {
        return new RecordTelemetry(worker, cpu, 40.0, at, 300, 90.0, 90.0);
    }

    private long latestSnapshotSequence(String worker) {
        Long sequence = jdbc.queryForObject("SELECT MAX(sequenceNumber) FROM SnapshotEventEntry"
                + " WHERE aggregateIdentifier = ?", Long.class, worker);
        return sequence == null ? -1 : sequence;
    }

    private void storeSnapshot(String worker, long sequence, String type, String revision, String json) {
        jdbc.update("INSERT INTO SnapshotEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                        + " metaData, payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                worker, sequence, "CMLWorker", UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8), revision, type, Instant.now().toString());
    }
}
