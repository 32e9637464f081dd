package io.cmlfleet.application.forensics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmlfleet.application.rendering.TimelineFormat;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.EndpointSource;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** State at an instant: the history replayed up to it, with the refresh gate's decision at that moment. */
class WorkerStateAtTest {

    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    private final ForensicsTestStore store = new ForensicsTestStore();

    @BeforeEach
    void record() {
        store.append(new History("w-1", T0).created().after(Duration.ofSeconds(30))
                .status(WorkerStatus.RUNNING).addresses("3.120.5.9", "10.0.1.17").refresh()
                .after(Duration.ofMinutes(4)).health(CmlServiceStatus.AVAILABLE, null).stats(3).refresh()
                .after(Duration.ofMinutes(10)).status(WorkerStatus.STOPPING).refresh());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void whileWaitingForTheServiceTheGateSaysWhyTheCmlApiIsNotQueried() {
        WorkerStateSnapshot snapshot = store.query(new GetWorkerStateAt("w-1", T0.plus(Duration.ofMinutes(2))),
                WorkerStateSnapshot.class);

        assertThat(snapshot.status()).isEqualTo(WorkerStatus.RUNNING);
        assertThat(snapshot.endpoint()).isEqualTo("https://3.120.5.9");
        assertThat(snapshot.endpointSource()).isEqualTo(EndpointSource.AUTO);
        assertThat(snapshot.serviceStatus()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
        assertThat(snapshot.eventsApplied()).isEqualTo(5);
        assertThat(snapshot.gate().runHealthCheck()).isTrue();
        assertThat(snapshot.gate().queryCmlApi()).isFalse();
        assertThat(snapshot.gate().cmlQueryBlockers()).containsExactly("CML service is UNAVAILABLE, not AVAILABLE");
        Examples.write("state-at.txt", "$ state-at w-1 " + snapshot.at() + "\n"
                + TimelineFormat.TEXT.renderer().snapshot(snapshot));
    }

    @Test
    void onceAvailableTheCmlApiIsQueriedAndTheFactsAreKnown() {
        WorkerStateSnapshot snapshot = store.query(new GetWorkerStateAt("w-1", T0.plus(Duration.ofMinutes(5))),
                WorkerStateSnapshot.class);

        assertThat(snapshot.serviceStatus()).isEqualTo(CmlServiceStatus.AVAILABLE);
        assertThat(snapshot.licensed()).isTrue();
        assertThat(snapshot.cmlFacts().nodesRunning()).isEqualTo(3);
        assertThat(snapshot.gate().queryCmlApi()).isTrue();
        assertThat(snapshot.gate().cmlQueryBlockers()).isEmpty();
    }

    @Test
    void withoutAnInstantTheWholeHistoryIsReplayed() {
        WorkerStateSnapshot snapshot = store.query(new GetWorkerStateAt("w-1", null), WorkerStateSnapshot.class);

        assertThat(snapshot.status()).isEqualTo(WorkerStatus.STOPPING);
        assertThat(snapshot.endpoint()).isNull();
        assertThat(snapshot.gate().healthCheckBlockers())
                .containsExactly("worker is STOPPING, not RUNNING", "worker has no HTTPS endpoint");
    }

    @Test
    void beforeTheWorkerExistedThereIsNoState() {
        WorkerForensics forensics = store.forensics(ForensicsSettings.defaults());

        assertThatThrownBy(() -> forensics.stateAt("w-1", T0.minusSeconds(1)))
                .isInstanceOf(WorkerHistoryNotFoundException.class)
                .hasMessageContaining("no events for worker w-1 at or before 2026-11-24T07:59:59Z");
    }
}
