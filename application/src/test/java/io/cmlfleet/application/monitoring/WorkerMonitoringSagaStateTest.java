package io.cmlfleet.application.monitoring;

import static io.cmlfleet.application.monitoring.MonitoringEvents.AT;
import static io.cmlfleet.application.monitoring.MonitoringEvents.REGION;
import static io.cmlfleet.application.monitoring.MonitoringEvents.created;
import static io.cmlfleet.application.monitoring.MonitoringEvents.health;
import static io.cmlfleet.application.monitoring.MonitoringEvents.instanceOf;
import static io.cmlfleet.application.monitoring.MonitoringEvents.status;
import static io.cmlfleet.application.monitoring.MonitoringEvents.terminated;
import static io.cmlfleet.domain.worker.CmlServiceStatus.AVAILABLE;
import static io.cmlfleet.domain.worker.CmlServiceStatus.UNAVAILABLE;
import static io.cmlfleet.domain.worker.WorkerStatus.RUNNING;
import static io.cmlfleet.domain.worker.WorkerStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.refresh.RefreshWorker;
import io.cmlfleet.domain.worker.RefreshTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.modelling.saga.SimpleResourceInjector;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The saga outside the fixture: injected by Axon's own {@link SimpleResourceInjector} (the mechanism the
 * configuration's injector shares), with a deadline manager that records ids, and through the application serializer.
 */
class WorkerMonitoringSagaStateTest {

    private static final String WORKER = "worker-b"; // slot 6: fast grid at :18/:48, normal at +180 s
    private static final MonitoringSettings SETTINGS =
            new MonitoringSettings(Duration.ofSeconds(30), Duration.ofSeconds(300), 10, Duration.ofSeconds(1));

    private final AtomicReference<Instant> now = new AtomicReference<>(AT);
    private RecordingDeadlineManager deadlines;
    private RecordingRefreshRequests refreshes;
    private SimpleResourceInjector injector;

    @BeforeEach
    void setUp() {
        deadlines = new RecordingDeadlineManager();
        refreshes = new RecordingRefreshRequests();
        Clock clock = new FixtureTimeClock(now::get);
        injector = new SimpleResourceInjector(
                deadlines, refreshes, SETTINGS, clock);
    }

    private WorkerMonitoringSaga newSaga() {
        WorkerMonitoringSaga saga = new WorkerMonitoringSaga();
        injector.injectResources(saga);
        return saga;
    }

    @Test
    void axonsResourceInjectorFillsTheJakartaInjectFields() {
        WorkerMonitoringSaga saga = newSaga();

        saga.on(created(WORKER));

        assertThat(deadlines.scheduled).containsExactly(new RecordingDeadlineManager.Scheduled(
                "deadline-1", AT.plusSeconds(18), WorkerMonitoringSaga.DEADLINE_NAME, new RefreshDue(WORKER, 1)));
    }

    @Test
    void terminationCancelsExactlyTheDeadlineIdKeptInSagaState() {
        WorkerMonitoringSaga saga = newSaga();
        saga.on(created(WORKER));
        fire(saga);

        saga.on(terminated(WORKER));

        assertThat(deadlines.cancelled).containsExactly(
                new RecordingDeadlineManager.Cancelled(WorkerMonitoringSaga.DEADLINE_NAME, "deadline-2"));
        assertThat(deadlines.cancelAllCalls).isZero();
        assertThat(deadlines.pending).isEmpty();
    }

    @Test
    void reschedulingSoonerCancelsTheOldIdBeforeSchedulingTheNewOne() {
        WorkerMonitoringSaga saga = newSaga();
        saga.on(created(WORKER));
        saga.on(status(WORKER, UNKNOWN, RUNNING));
        saga.on(health(WORKER, UNAVAILABLE, AVAILABLE));
        fire(saga); // deadline-2: normal, at +180 s

        saga.on(health(WORKER, AVAILABLE, UNAVAILABLE));

        assertThat(deadlines.cancelled).containsExactly(
                new RecordingDeadlineManager.Cancelled(WorkerMonitoringSaga.DEADLINE_NAME, "deadline-2"));
        assertThat(deadlines.pending.keySet()).containsExactly("deadline-3");
        assertThat(deadlines.last().at()).isEqualTo(AT.plusSeconds(48));
    }

    @Test
    void aStaleDeadlineNeitherRefreshesNorStartsASecondChain() {
        WorkerMonitoringSaga saga = newSaga();
        saga.on(created(WORKER));
        saga.on(status(WORKER, UNKNOWN, RUNNING));
        saga.on(health(WORKER, UNAVAILABLE, AVAILABLE));
        fire(saga);
        saga.on(health(WORKER, AVAILABLE, UNAVAILABLE)); // replaces #2 by #3
        refreshes.clear();
        int scheduledBefore = deadlines.scheduled.size();

        saga.on(new RefreshDue(WORKER, 2)); // #2 fires anyway, as if its cancel had not taken

        assertThat(refreshes.received()).isEmpty();
        assertThat(deadlines.scheduled).hasSize(scheduledBefore);
        assertThat(deadlines.pending.keySet()).containsExactly("deadline-3");
    }

    @Test
    void aFailedRefreshDoesNotBreakTheChain() {
        refreshes.failWith(new IllegalStateException("refresh pipeline unavailable"));
        WorkerMonitoringSaga saga = newSaga();
        saga.on(created(WORKER));

        assertThatCode(() -> fire(saga)).doesNotThrowAnyException();

        assertThat(refreshes.received()).hasSize(1);
        assertThat(deadlines.pending.keySet()).containsExactly("deadline-2");
    }

    @Test
    void sagaStateSurvivesTheApplicationSerializerAndResourcesAreNotPartOfIt() {
        CmlfleetSerializer serializer = CmlfleetSerializer.create();
        WorkerMonitoringSaga saga = newSaga();
        saga.on(created(WORKER));
        saga.on(status(WORKER, UNKNOWN, RUNNING));
        fire(saga); // pending: deadline-2, sequence 2, fast

        SerializedObject<String> stored = serializer.serialize(saga, String.class);
        assertThat(stored.getData())
                .contains("\"scheduledDeadlineId\":\"deadline-2\"", "\"workerStatus\":\"RUNNING\"",
                          "\"deadlineSequence\":2", "\"instanceId\"")
                .doesNotContain("deadlineManager", "refreshes", "settings", "clock");

        WorkerMonitoringSaga restored = serializer.deserialize(stored);
        injector.injectResources(restored);
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(stored.getData());

        refreshes.clear();
        restored.on(new RefreshDue(WORKER, 2));
        assertThat(refreshes.received()).containsExactly(
                new RefreshWorker(WORKER, REGION, instanceOf(WORKER), RefreshTrigger.SCHEDULED, "monitoring"));
        restored.on(terminated(WORKER));
        assertThat(deadlines.cancelled).extracting(RecordingDeadlineManager.Cancelled::id).containsExactly("deadline-3");
    }

    /** Advance to the pending deadline and deliver it, as the deadline manager would. */
    private void fire(WorkerMonitoringSaga saga) {
        RecordingDeadlineManager.Scheduled due = deadlines.last();
        now.set(due.at());
        deadlines.pending.remove(due.id());
        saga.on((RefreshDue) due.payload());
    }

}
