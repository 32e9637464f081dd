package io.cmlfleet.application.forensics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.application.forensics.history.WorkerHistoryReader;
import io.cmlfleet.application.readmodel.ProjectionHarness;
import io.cmlfleet.application.readmodel.projection.ForensicCheckpointProjection;
import io.cmlfleet.application.readmodel.projection.ForensicCheckpoints;
import io.cmlfleet.application.readmodel.projection.ProjectionJdbc;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.LicenceFacts;
import io.cmlfleet.domain.worker.LicenceRenewal;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Findings resumed from the findings checkpoints equal the full fold's: random histories of a few thousand events
 * with every kind of finding (gaps, flapping, stuck and endpointless stretches, outside stops, failures, licence
 * troubles), some stamped out of order, compared over the whole history and over random windows with and without
 * a start and an end; and a checkpoint of another revision, of other settings or that does not read is passed over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingsCheckpointExactnessTest {

    private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
    private static final ForensicsSettings SETTINGS = ForensicsSettings.defaults();

    private ProjectionHarness harness;
    private final Map<String, List<DomainEventMessage<?>>> histories = new LinkedHashMap<>();
    private WorkerForensics viaCheckpoints;
    private WorkerForensics fullFold;

    @BeforeAll
    void storeHistories() {
        harness = new ProjectionHarness(new FindingsCheckpointing(SETTINGS));
        for (long seed : new long[]{11, 12, 13}) {
            String workerId = "w-" + seed;
            List<DomainEventMessage<?>> messages = randomHistory(workerId, new Random(seed), 1_600 + (int) seed * 20);
            histories.put(workerId, messages);
            for (int from = 0; from < messages.size(); from += 500) {
                harness.eventStore().publish(messages.subList(from, Math.min(messages.size(), from + 500)));
            }
        }
        harness.awaitCaughtUp();
        viaCheckpoints = new WorkerForensics(harness.eventStore(), SETTINGS, new ForensicCheckpoints(harness.jdbc()));
        fullFold = new WorkerForensics(harness.eventStore(), SETTINGS);
    }

    @AfterAll
    void close() {
        harness.close();
    }

    @Test
    void theHistoriesHaveEveryKindOfFindingAndEveryCheckpointCarriesFindings() {
        histories.forEach((workerId, messages) -> {
            Findings all = fullFold.findings(workerId, TimeWindow.all());
            assertThat(all.monitoringGaps()).as(workerId).isNotEmpty();
            assertThat(all.flapping()).as(workerId).isNotEmpty();
            assertThat(all.stuckStates()).as(workerId).isNotEmpty();
            assertThat(all.endpointlessRuns()).as(workerId).isNotEmpty();
            assertThat(all.stoppedOutside()).as(workerId).isNotEmpty();
            assertThat(all.refreshFailures()).as(workerId).isNotEmpty();
            assertThat(all.licenceRenewalFailures()).as(workerId).isNotEmpty();
            assertThat(all.licenceExpiries()).as(workerId).isNotEmpty();
            assertThat(all.licenceChanges()).as(workerId).isNotEmpty();
            assertThat(harness.jdbc().queryForObject("SELECT COUNT(*) FROM " + ProjectionTables.FORENSIC_CHECKPOINT
                    + " WHERE worker_id = ? AND findings_revision = ? AND findings_json IS NOT NULL", Integer.class,
                    workerId, FindingsCheckpointing.revisionOf(SETTINGS))).isEqualTo(messages.size() / 500);
        });
    }

    @Test
    void wholeHistoryFindingsThroughCheckpointsAreTheFullFolds() {
        histories.keySet().forEach(workerId -> assertThat(viaCheckpoints.findings(workerId, TimeWindow.all()))
                .as(workerId).isEqualTo(fullFold.findings(workerId, TimeWindow.all())));
    }

    @Test
    void findingsOfRandomWindowsThroughCheckpointsAreTheFullFolds() {
        CheckpointedFindings resumable = new CheckpointedFindings(new WorkerHistoryReader(harness.eventStore()),
                new ForensicCheckpoints(harness.jdbc()), SETTINGS);
        int[] resumed = {0};
        histories.forEach((workerId, messages) -> {
            Random random = new Random(workerId.hashCode() + 3L);
            Instant last = messages.get(messages.size() - 1).getTimestamp();
            long span = Duration.between(START, last).toMillis() + 120_000;
            for (int i = 0; i < 60; i++) {
                // Starts and ends at an event, just before one, or anywhere; either may be open.
                Instant from = i % 5 == 0 ? null : instant(random, messages, span);
                Instant to = i % 4 == 1 ? null : instant(random, messages, span);
                if (from != null && to != null && to.isBefore(from)) {
                    Instant swap = from;
                    from = to;
                    to = swap;
                }
                TimeWindow window = TimeWindow.between(from, to);
                assertThat(viaCheckpoints.findings(workerId, window)).as("%s %s", workerId, window)
                        .isEqualTo(fullFold.findings(workerId, window));
                resumed[0] += resumable.find(workerId, window).isPresent() ? 1 : 0;
            }
        });
        // Most windows start or end after the first checkpoint: those must have been answered from one.
        assertThat(resumed[0]).isGreaterThan(100);
    }

    @Test
    void theLatestFindingsCheckpointIsWhereWholeHistoryFindingsStart() throws Exception {
        // The test must be able to fail: a findings checkpoint altered behind the projection's back shows.
        String workerId = "w-11";
        long latest = (histories.get(workerId).size() / 500) * 500L - 1;
        String json = findingsJson(workerId, latest);
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode stored = (ArrayNode) mapper.readTree(json);
        ObjectNode healthChecks = (ObjectNode) stored.get(7);
        healthChecks.put("refreshes", healthChecks.get("refreshes").asInt() + 1_000);
        try {
            harness.jdbc().update("UPDATE " + ProjectionTables.FORENSIC_CHECKPOINT + " SET findings_json = ?"
                    + " WHERE worker_id = ? AND sequence_number = ?", mapper.writeValueAsString(stored), workerId, latest);
            assertThat(viaCheckpoints.findings(workerId, TimeWindow.all()).healthCheck().refreshes())
                    .isEqualTo(fullFold.findings(workerId, TimeWindow.all()).healthCheck().refreshes() + 1_000);
        } finally {
            rewriteCheckpoints(workerId);
        }
    }

    @Test
    void aFindingsCheckpointOfAnotherRevisionOrSettingsOrThatDoesNotReadIsPassedOver() {
        String workerId = "w-12";
        List<TimeWindow> windows = List.of(TimeWindow.all(),
                TimeWindow.between(null, histories.get(workerId).get(1_300).getTimestamp()),
                TimeWindow.between(histories.get(workerId).get(1_100).getTimestamp(), null));
        try {
            update(workerId, "findings_revision = ?", "0:an-older-shape");
            windows.forEach(window -> assertSameFindings(workerId, window));
            update(workerId, "findings_revision = ?, findings_json = ?", FindingsCheckpointing.revisionOf(SETTINGS),
                    "[{\"gaps\": [not json");
            windows.forEach(window -> assertSameFindings(workerId, window));
            update(workerId, "findings_json = ?", "[]");
            windows.forEach(window -> assertSameFindings(workerId, window));
            update(workerId, "findings_revision = NULL, findings_json = NULL");
            windows.forEach(window -> assertSameFindings(workerId, window));
        } finally {
            rewriteCheckpoints(workerId);
        }
        // Other cadences (a CLI run with --fast): the checkpoints were judged with the service's, so not used.
        ForensicsSettings other = SETTINGS.withCadences(Duration.ofSeconds(10), Duration.ofSeconds(60));
        assertThat(new WorkerForensics(harness.eventStore(), other, new ForensicCheckpoints(harness.jdbc()))
                .findings(workerId, TimeWindow.all()))
                .isEqualTo(new WorkerForensics(harness.eventStore(), other).findings(workerId, TimeWindow.all()))
                .isNotEqualTo(fullFold.findings(workerId, TimeWindow.all()));
    }

    @Test
    void aFoldThatFellBehindCatchesUpWithItsFindings() {
        // As after a restart: a fresh projection sees the events from #1200 on only.
        String workerId = "w-13";
        String written = findingsJson(workerId, 1_499);
        harness.jdbc().update("DELETE FROM " + ProjectionTables.FORENSIC_CHECKPOINT
                + " WHERE worker_id = ? AND sequence_number = 1499", workerId);
        feed(new ForensicCheckpointProjection(projectionJdbc(), harness.eventStore(),
                new FindingsCheckpointing(SETTINGS)), workerId, 1_200, 1_500);
        assertThat(findingsJson(workerId, 1_499)).isEqualTo(written);
        // With only checkpoints of an older findings revision, it catches up from the first event.
        harness.jdbc().update("DELETE FROM " + ProjectionTables.FORENSIC_CHECKPOINT
                + " WHERE worker_id = ? AND sequence_number = 1499", workerId);
        update(workerId, "findings_revision = ?", "0:an-older-shape");
        try {
            feed(new ForensicCheckpointProjection(projectionJdbc(), harness.eventStore(),
                    new FindingsCheckpointing(SETTINGS)), workerId, 1_200, 1_500);
            assertThat(findingsJson(workerId, 1_499)).isEqualTo(written);
        } finally {
            rewriteCheckpoints(workerId);
        }
    }

    private void assertSameFindings(String workerId, TimeWindow window) {
        assertThat(viaCheckpoints.findings(workerId, window)).as("%s %s", workerId, window)
                .isEqualTo(fullFold.findings(workerId, window));
    }

    private static Instant instant(Random random, List<DomainEventMessage<?>> messages, long span) {
        Instant eventAt = messages.get(random.nextInt(messages.size())).getTimestamp();
        return switch (random.nextInt(3)) {
            case 0 -> eventAt;
            case 1 -> eventAt.minusMillis(1);
            default -> START.minusSeconds(60).plusMillis((long) (random.nextDouble() * span));
        };
    }

    private void feed(ForensicCheckpointProjection projection, String workerId, int from, int to) {
        List<DomainEventMessage<?>> messages = histories.get(workerId);
        for (int sequence = from; sequence < to; sequence++) {
            DomainEventMessage<?> message = messages.get(sequence);
            projection.on((WorkerEvent) message.getPayload(), message.getSequenceNumber(), message.getTimestamp());
        }
    }

    /** Writes the worker's checkpoints again, as the projection does after a rebuild. */
    private void rewriteCheckpoints(String workerId) {
        harness.jdbc().update("DELETE FROM " + ProjectionTables.FORENSIC_CHECKPOINT + " WHERE worker_id = ?", workerId);
        feed(new ForensicCheckpointProjection(projectionJdbc(), null, new FindingsCheckpointing(SETTINGS)), workerId,
                0, histories.get(workerId).size());
    }

    private ProjectionJdbc projectionJdbc() {
        return CheckpointTestStore.projectionJdbc(harness.jdbc());
    }

    private void update(String workerId, String assignments, Object... values) {
        CheckpointTestStore.update(harness.jdbc(), workerId, assignments, values);
    }

    private String findingsJson(String workerId, long sequence) {
        return CheckpointTestStore.column(harness.jdbc(), "findings_json", workerId, sequence);
    }

    /**
     * A random history with every kind of trouble: status changes through transitional states (some held long),
     * flapping health, addresses lost, silences of monitoring, stops requested and not, failures, licence checks
     * that renew, fail, expire and change. About one event in twenty is stamped up to 90 s early (clock skew).
     */
    private static List<DomainEventMessage<?>> randomHistory(String workerId, Random random, int size) {
        History history = new History(workerId, START).monitoring().created();
        history.status(WorkerStatus.RUNNING).addresses("3.120.5.9", "10.0.1.17").health(CmlServiceStatus.AVAILABLE,
                null);
        List<WorkerStatus> statuses = List.of(WorkerStatus.RUNNING, WorkerStatus.STOPPING, WorkerStatus.STOPPED,
                WorkerStatus.PENDING, WorkerStatus.RUNNING, WorkerStatus.SHUTTING_DOWN);
        while (history.recorded().size() < size) {
            int pick = random.nextInt(40);
            history.after(pick == 0 ? Duration.ofMinutes(5 + random.nextInt(40)) : Duration.ofSeconds(1
                    + random.nextInt(60)));
            switch (pick % 14) {
                case 0 -> history.status(statuses.get(random.nextInt(statuses.size())));
                case 1, 2 -> history.health(random.nextBoolean() ? CmlServiceStatus.AVAILABLE
                        : CmlServiceStatus.UNAVAILABLE, random.nextBoolean() ? null : "UNREACHABLE - timed out");
                case 3 -> history.stats(random.nextInt(20));
                case 4 -> history.lifecycle(random.nextBoolean() ? LifecycleAction.STOP : LifecycleAction.START,
                        "alice", "night " + random.nextInt(100));
                case 5 -> history.failure(random.nextBoolean() ? RefreshStage.TELEMETRY : RefreshStage.HEALTH_CHECK,
                        random.nextBoolean() ? "Throttling" : "TIMEOUT", "attempt " + random.nextInt(5));
                case 6 -> history.addresses(random.nextBoolean() ? "3.120.5." + random.nextInt(250) : null,
                        "10.0.1.17");
                case 7 -> history.licence(licence(random, history.now()), Duration.ofDays(14));
                default -> history.refresh();
            }
        }
        return CheckpointTestStore.skewedMessages(workerId, history, random);
    }

    /** A licence as a check might find it: dates around now, renewals that sometimes failed, changing accounts. */
    private static LicenceFacts licence(Random random, Instant now) {
        Instant attempted = now.minus(Duration.ofDays(random.nextInt(3)));
        LicenceRenewal renewal = random.nextInt(3) == 0
                ? new LicenceRenewal("FAILED", "timed out " + random.nextInt(3), attempted, attempted.plusSeconds(3_600))
                : new LicenceRenewal(null, null, attempted, attempted.plus(Duration.ofDays(30)));
        Instant authorizationExpires = now.plus(Duration.ofDays(random.nextInt(40) - 10));
        return new LicenceFacts(random.nextInt(4) == 0 ? "NOT_REGISTERED" : "COMPLETED",
                now.plus(Duration.ofDays(random.nextInt(60) - 5)), null, "IN_COMPLIANCE", authorizationExpires,
                renewal, "CML_Enterprise", true, random.nextBoolean() ? "Account A" : "Account B", "Lab");
    }
}
