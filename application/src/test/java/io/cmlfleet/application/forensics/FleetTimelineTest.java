package io.cmlfleet.application.forensics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.rendering.TimelineFormat;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fleet timeline merges workers in time order and reads only the part of the global stream it needs. */
class FleetTimelineTest {

    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    private final ForensicsTestStore store = new ForensicsTestStore();

    @BeforeEach
    void recordTwoWorkersOverFiveHours() {
        // Worker a: refreshed every 5 minutes for 5 hours; worker b: created an hour later, refreshed likewise.
        History a = new History("worker-a", T0).created().after(Duration.ofSeconds(30))
                .status(WorkerStatus.RUNNING).addresses("3.120.5.9", "10.0.1.17")
                .health(CmlServiceStatus.AVAILABLE, null).refreshes(60, Duration.ofMinutes(5));
        History b = new History("worker-b", T0.plus(Duration.ofHours(1))).created().after(Duration.ofSeconds(40))
                .status(WorkerStatus.RUNNING).addresses("3.120.5.10", "10.0.1.18")
                .health(CmlServiceStatus.AVAILABLE, null).refreshes(48, Duration.ofMinutes(5));
        // Stored interleaved in time order, as two monitored workers would be.
        var merged = new java.util.ArrayList<>(a.recorded());
        merged.addAll(b.recorded());
        merged.sort(java.util.Comparator.comparing(History.Recorded::at));
        merged.forEach(r -> store.append(r.event(), r.at(), r.correlationId(), r.issuedBy()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void mergesEveryWorkerInTimeOrderWithinTheWindow() {
        Instant from = T0.plus(Duration.ofHours(1));
        Instant to = from.plus(Duration.ofMinutes(10));

        FleetTimeline timeline = store.query(new GetFleetTimeline(from, to, null, 0), FleetTimeline.class);

        assertThat(timeline.entries()).extracting(e -> e.at() + " " + e.workerId() + " " + e.type()).containsExactly(
                "2026-11-24T09:00:00Z worker-b WorkerCreated",
                "2026-11-24T09:00:30Z worker-a RefreshCompleted",
                "2026-11-24T09:00:40Z worker-b StatusChanged",
                "2026-11-24T09:00:40Z worker-b NetworkAddressesChanged",
                "2026-11-24T09:00:40Z worker-b EndpointPopulated",
                "2026-11-24T09:00:40Z worker-b ServiceHealthEvaluated",
                "2026-11-24T09:00:40Z worker-b RefreshCompleted",
                "2026-11-24T09:05:30Z worker-a RefreshCompleted",
                "2026-11-24T09:05:40Z worker-b RefreshCompleted");
        Examples.write("fleet-timeline.txt", "$ fleet-timeline --from " + from + " --to " + to + "\n"
                + TimelineFormat.TEXT.renderer().timeline(timeline));
    }

    @Test
    void startsNearTheWindowInsteadOfScanningTheWholeStore() {
        long stored = store.jdbc().queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        Instant from = T0.plus(Duration.ofHours(4));

        FleetTimeline timeline = store.query(new GetFleetTimeline(from, from.plus(Duration.ofMinutes(10)), null, 0),
                FleetTimeline.class);

        assertThat(timeline.entries()).hasSize(4);
        // A minute of slack on either side, not four hours of history: a handful of events, far from all of them.
        assertThat(timeline.eventsScanned()).isLessThan(12).isLessThan(stored / 10);
    }

    @Test
    void filtersByTypeAndStopsAtTheLimit() {
        FleetTimeline created = store.query(new GetFleetTimeline(T0, null, Set.of("cmlfleet.worker.WorkerCreated"),
                0), FleetTimeline.class);
        FleetTimeline limited = store.query(new GetFleetTimeline(T0, null, Set.of("RefreshCompleted"), 5),
                FleetTimeline.class);

        assertThat(created.entries()).extracting(TimelineEntry::workerId).containsExactly("worker-a", "worker-b");
        assertThat(created.truncated()).isFalse();
        assertThat(limited.entries()).hasSize(5).allSatisfy(e -> assertThat(e.type()).isEqualTo("RefreshCompleted"));
        assertThat(limited.truncated()).isTrue();
    }

    @Test
    void aWindowAfterTheLastEventIsEmpty() {
        FleetTimeline timeline = store.query(new GetFleetTimeline(T0.plus(Duration.ofDays(2)), null, null, 0),
                FleetTimeline.class);

        assertThat(timeline.entries()).isEmpty();
    }
}
