package io.cmlfleet.application.forensics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.application.readmodel.ProjectionHarness;
import io.cmlfleet.application.readmodel.projection.ForensicCheckpointProjection;
import io.cmlfleet.application.readmodel.projection.ForensicCheckpoints;
import io.cmlfleet.application.readmodel.projection.ProjectionJdbc;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * State-at and the timeline through forensic checkpoints give exactly the full replay's answers: random histories
 * of a few thousand events (so several checkpoints each), a few of them stored with timestamps out of order as
 * clocks of two nodes would leave them, compared at many random instants and at every event's own time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForensicCheckpointExactnessTest {

    private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");

    private ProjectionHarness harness;
    private final Map<String, List<DomainEventMessage<?>>> histories = new java.util.LinkedHashMap<>();
    private WorkerForensics viaCheckpoints;
    private WorkerForensics fullReplay;

    @BeforeAll
    void storeHistories() {
        harness = new ProjectionHarness();
        for (long seed : new long[]{1, 2, 3}) {
            String workerId = "w-" + seed;
            List<DomainEventMessage<?>> messages = randomHistory(workerId, new Random(seed), 1_100 + (int) seed * 150);
            histories.put(workerId, messages);
            for (int from = 0; from < messages.size(); from += 500) {
                harness.eventStore().publish(messages.subList(from, Math.min(messages.size(), from + 500)));
            }
        }
        harness.awaitCaughtUp();
        viaCheckpoints = new WorkerForensics(harness.eventStore(), ForensicsSettings.defaults(), checkpoints());
        fullReplay = new WorkerForensics(harness.eventStore(), ForensicsSettings.defaults());
    }

    @AfterAll
    void close() {
        harness.close();
    }

    @Test
    void everyWorkerHasACheckpointEveryIntervalEvents() {
        histories.forEach((workerId, messages) -> {
            List<Long> expected = new ArrayList<>();
            for (long sequence = 499; sequence < messages.size(); sequence += 500) {
                expected.add(sequence);
            }
            assertThat(harness.jdbc().queryForList("SELECT sequence_number FROM " + ProjectionTables.FORENSIC_CHECKPOINT
                    + " WHERE worker_id = ? ORDER BY sequence_number", Long.class, workerId))
                    .as(workerId).isNotEmpty().isEqualTo(expected);
        });
    }

    @Test
    void stateAtThroughCheckpointsIsTheFullReplayAtManyInstants() {
        histories.forEach((workerId, messages) -> {
            Random random = new Random(workerId.hashCode());
            List<Instant> instants = new ArrayList<>();
            instants.add(null);
            instants.add(START.minusSeconds(1));
            for (int i = 0; i < 80; i++) {
                // Right at an event and just before it: where an off-by-one in the cut would show.
                Instant eventAt = messages.get(random.nextInt(messages.size())).getTimestamp();
                instants.add(eventAt);
                instants.add(eventAt.minusMillis(1));
            }
            for (DomainEventMessage<?> message : List.of(messages.get(499), messages.get(500), messages.get(999))) {
                instants.add(message.getTimestamp());
                instants.add(message.getTimestamp().minusMillis(1));
            }
            Instant last = messages.get(messages.size() - 1).getTimestamp();
            long span = Duration.between(START, last).toMillis() + 120_000;
            for (int i = 0; i < 80; i++) {
                instants.add(START.minusSeconds(60).plusMillis((long) (random.nextDouble() * span)));
            }
            for (Instant at : instants) {
                assertSameAnswer(workerId, at);
            }
        });
    }

    @Test
    void timelinePagesThroughCheckpointsAreTheFullTimeline() {
        histories.forEach((workerId, messages) -> {
            Random random = new Random(workerId.hashCode() + 7L);
            for (int i = 0; i < 20; i++) {
                Instant from = messages.get(random.nextInt(messages.size())).getTimestamp();
                Instant to = i % 4 == 0 ? null : from.plusSeconds(random.nextInt(20_000));
                TimeWindow window = TimeWindow.between(from, to);
                List<String> types = i % 3 == 0 ? List.of("StatusChanged", "RefreshCompleted") : List.of();
                List<TimelineEntry> paged = new ArrayList<>();
                TimelinePage page = new TimelinePage(null, 1 + random.nextInt(400));
                WorkerTimeline answer;
                do {
                    answer = viaCheckpoints.timeline(workerId, window, types, page);
                    assertThat(answer.entries()).hasSizeLessThanOrEqualTo(page.limit());
                    assertThat(answer.historyEvents()).isEqualTo(messages.size());
                    paged.addAll(answer.entries());
                    page = new TimelinePage(answer.next(), page.limit());
                } while (answer.next() != null);
                assertThat(paged).as("%s %s %s", workerId, window, types)
                        .isEqualTo(fullReplay.timeline(workerId, window, types).entries());
            }
        });
    }

    @Test
    void findingsReadInTwoHalvesAreTheOnePassFindings() {
        histories.keySet().forEach(workerId -> assertThat(viaCheckpoints.findings(workerId, TimeWindow.all()))
                .isEqualTo(new FindingsAnalyzer(ForensicsSettings.defaults()).analyze(workerId,
                        new io.cmlfleet.application.forensics.history.WorkerHistoryReader(harness.eventStore())
                                .read(workerId), TimeWindow.all())));
    }

    @Test
    void payloadsReadInTwoHalvesAreTheOnePassHistoryWithoutMetadata() {
        var reader = new io.cmlfleet.application.forensics.history.WorkerHistoryReader(harness.eventStore(), 100);
        histories.keySet().forEach(workerId -> assertThat(reader.readPayloads(workerId)).isEqualTo(reader.read(workerId)
                .stream().map(r -> new io.cmlfleet.application.forensics.history.RecordedEvent(r.at(), r.workerId(),
                        r.sequence(), r.type(), r.event(), null, null)).toList()));
    }

    @Test
    void aCheckpointIsWhereTheReplayStarts() {
        // The test must be able to fail: a checkpoint altered behind the projection's back shows in the answer.
        String workerId = "w-1";
        Instant at = histories.get(workerId).get(1_200).getTimestamp();
        String altered = harness.jdbc().queryForObject("SELECT state_json FROM " + ProjectionTables.FORENSIC_CHECKPOINT
                + " WHERE worker_id = ? AND sequence_number = 999", String.class, workerId)
                .replace("\"name\":\"w-1\"", "\"name\":\"from-the-checkpoint\"");
        try {
            update(workerId, "state_json = ?", altered);
            assertThat(viaCheckpoints.stateAt(workerId, at).name()).isEqualTo("from-the-checkpoint");
        } finally {
            harness.awaitCaughtUp();
            rewriteCheckpoints(workerId);
        }
    }

    @Test
    void anIncompatibleOrUnreadableCheckpointFallsBackToTheFullReplay() {
        String workerId = "w-2";
        try {
            update(workerId, "snapshot_revision = ?", "1");
            assertSameAnswer(workerId, null);
            assertSameAnswer(workerId, histories.get(workerId).get(1_300).getTimestamp());
            update(workerId, "snapshot_revision = ?, state_json = ?", io.cmlfleet.domain.worker.WorkerSnapshot.REVISION,
                    "{\"workerId\": [not json");
            assertSameAnswer(workerId, null);
            assertSameAnswer(workerId, histories.get(workerId).get(700).getTimestamp());
        } finally {
            rewriteCheckpoints(workerId);
        }
        WorkerForensics withoutTable = new WorkerForensics(harness.eventStore(), ForensicsSettings.defaults(),
                new ForensicCheckpoints(new org.springframework.jdbc.core.JdbcTemplate(
                        new org.h2.jdbcx.JdbcDataSource())));
        assertThat(withoutTable.stateAt(workerId, null)).isEqualTo(fullReplay.stateAt(workerId, null));
    }

    @Test
    void aFoldThatFellBehindCatchesUpFromTheLatestCheckpointAndTheStore() {
        // As after a restart: a fresh projection sees the events from #1200 on only.
        String workerId = "w-3";
        String written = checkpointJson(workerId, 1_499);
        harness.jdbc().update("DELETE FROM " + ProjectionTables.FORENSIC_CHECKPOINT
                + " WHERE worker_id = ? AND sequence_number = 1499", workerId);
        ForensicCheckpointProjection restarted = new ForensicCheckpointProjection(projectionJdbc(),
                harness.eventStore());
        List<DomainEventMessage<?>> messages = histories.get(workerId);
        for (int sequence = 1_200; sequence < 1_500; sequence++) {
            DomainEventMessage<?> message = messages.get(sequence);
            restarted.on((WorkerEvent) message.getPayload(), message.getSequenceNumber(), message.getTimestamp());
        }
        assertThat(checkpointJson(workerId, 1_499)).isEqualTo(written);
    }

    private void assertSameAnswer(String workerId, Instant at) {
        WorkerStateSnapshot expected;
        try {
            expected = fullReplay.stateAt(workerId, at);
        } catch (WorkerHistoryNotFoundException none) {
            assertThatThrownBy(() -> viaCheckpoints.stateAt(workerId, at))
                    .isInstanceOf(WorkerHistoryNotFoundException.class);
            return;
        }
        assertThat(viaCheckpoints.stateAt(workerId, at)).as("%s at %s", workerId, at).isEqualTo(expected);
    }

    private ForensicCheckpoints checkpoints() {
        return new ForensicCheckpoints(harness.jdbc());
    }

    private ProjectionJdbc projectionJdbc() {
        return CheckpointTestStore.projectionJdbc(harness.jdbc());
    }

    private void update(String workerId, String assignments, Object... values) {
        CheckpointTestStore.update(harness.jdbc(), workerId, assignments, values);
    }

    /** Writes the worker's checkpoints again, as the projection does after a rebuild. */
    private void rewriteCheckpoints(String workerId) {
        harness.jdbc().update("DELETE FROM " + ProjectionTables.FORENSIC_CHECKPOINT + " WHERE worker_id = ?", workerId);
        ForensicCheckpointProjection projection = new ForensicCheckpointProjection(projectionJdbc(), null);
        histories.get(workerId).forEach(message -> projection.on((WorkerEvent) message.getPayload(),
                message.getSequenceNumber(), message.getTimestamp()));
    }

    private String checkpointJson(String workerId, long sequence) {
        return CheckpointTestStore.column(harness.jdbc(), "state_json", workerId, sequence);
    }

    /** A random but plausible history; about one event in twenty is stamped up to 90 s early (clock skew). */
    private static List<DomainEventMessage<?>> randomHistory(String workerId, Random random, int size) {
        History history = new History(workerId, START).monitoring().created();
        history.status(WorkerStatus.RUNNING).addresses("3.120.5.9", "10.0.1.17").health(CmlServiceStatus.AVAILABLE,
                null);
        while (history.recorded().size() < size) {
            history.after(Duration.ofSeconds(1 + random.nextInt(60)));
            switch (random.nextInt(10)) {
                case 0 -> history.status(random.nextBoolean() ? WorkerStatus.STOPPED : WorkerStatus.RUNNING);
                case 1 -> history.health(random.nextBoolean() ? CmlServiceStatus.AVAILABLE
                        : CmlServiceStatus.UNAVAILABLE, random.nextBoolean() ? null : "UNREACHABLE - timed out");
                case 2 -> history.stats(random.nextInt(20));
                case 3 -> history.lifecycle(LifecycleAction.STOP, "alice", "night " + random.nextInt(100));
                case 4 -> history.failure(RefreshStage.TELEMETRY, "Throttling", "rate exceeded");
                case 5 -> history.addresses(random.nextBoolean() ? "3.120.5." + random.nextInt(250) : null,
                        "10.0.1.17");
                default -> history.refresh();
            }
        }
        return CheckpointTestStore.skewedMessages(workerId, history, random);
    }
}
