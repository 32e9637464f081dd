package io.cmlfleet.application.monitoring;

import static io.cmlfleet.application.monitoring.MonitoringEvents.AT;
import static io.cmlfleet.application.monitoring.MonitoringEvents.REGION;
import static io.cmlfleet.application.monitoring.MonitoringEvents.created;
import static io.cmlfleet.application.monitoring.MonitoringEvents.health;
import static io.cmlfleet.application.monitoring.MonitoringEvents.instanceOf;
import static io.cmlfleet.application.monitoring.MonitoringEvents.serviceLost;
import static io.cmlfleet.application.monitoring.MonitoringEvents.status;
import static io.cmlfleet.application.monitoring.MonitoringEvents.terminated;
import static io.cmlfleet.domain.worker.CmlServiceStatus.AVAILABLE;
import static io.cmlfleet.domain.worker.CmlServiceStatus.UNAVAILABLE;
import static io.cmlfleet.domain.worker.WorkerStatus.PENDING;
import static io.cmlfleet.domain.worker.WorkerStatus.RUNNING;
import static io.cmlfleet.domain.worker.WorkerStatus.STOPPED;
import static io.cmlfleet.domain.worker.WorkerStatus.STOPPING;
import static io.cmlfleet.domain.worker.WorkerStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.refresh.RefreshWorker;
import io.cmlfleet.domain.worker.RefreshTrigger;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The saga in Axon's saga fixture, with fast 30 s / normal 300 s and 10 jitter slots. Times are spelled out: worker
 * {@value #WORKER} hashes to slot 6, so its fast grid is :18, :48 past each minute and its normal grid is 3 minutes
 * past each 5 minutes (AT is on a 5-minute boundary).
 */
class WorkerMonitoringSagaTest {

    private static final String WORKER = "worker-b";
    private static final MonitoringSettings SETTINGS =
            new MonitoringSettings(Duration.ofSeconds(30), Duration.ofSeconds(300), 10, Duration.ofSeconds(1));

    private static final Instant FIRST_FAST = AT.plusSeconds(18);
    private static final Instant SECOND_FAST = AT.plusSeconds(48);
    private static final Instant FIRST_NORMAL = AT.plusSeconds(180);

    private SagaTestFixture<WorkerMonitoringSaga> fixture;
    private final RecordingRefreshRequests refreshes = new RecordingRefreshRequests();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(WorkerMonitoringSaga.class);
        fixture.registerResource(SETTINGS);
        fixture.registerResource(new FixtureTimeClock(fixture::currentTime));
        fixture.registerResource(refreshes);
    }

    @Test
    void theWorkerUnderTestHashesToSlotSix() throws Exception {
        assertThat(RefreshScheduleCalculator.from(SETTINGS).slotOf(WORKER)).isEqualTo(6);
    }

    @Test
    void creationStartsTheSagaAndSchedulesAFastRefreshOnTheWorkersSlot() throws Exception {
        fixture.givenCurrentTime(AT)
               .whenPublishingA(created(WORKER))
               .expectActiveSagas(1)
               .expectAssociationWith("workerId", WORKER)
               .expectScheduledDeadline(FIRST_FAST, new RefreshDue(WORKER, 1))
               .expectNoDispatchedCommands();
    }

    @Test
    void theDeadlineSendsAScheduledRefreshAndSchedulesTheNextOne() throws Exception {
        fixture.givenCurrentTime(AT)
               .andThenAPublished(created(WORKER))
               .whenTimeAdvancesTo(FIRST_FAST)
               .expectTriggeredDeadlines(new RefreshDue(WORKER, 1))
               // Handed to the refresh executor, not sent as a command that a deadline thread would run.
               .expectNoDispatchedCommands()
               // Still UNKNOWN: nothing observed yet, so the fast pace continues.
               .expectScheduledDeadline(SECOND_FAST, new RefreshDue(WORKER, 2))
               .expectActiveSagas(1);
        assertThat(refreshes.received()).containsExactly(new RefreshWorker(
                WORKER, REGION, instanceOf(WORKER), RefreshTrigger.SCHEDULED, "monitoring"));
    }

    @Test
    void aPendingWorkerStaysOnTheFastCadence() throws Exception {
        fixture.givenCurrentTime(AT)
               .andThenAPublished(created(WORKER))
               .andThenAPublished(status(WORKER, UNKNOWN, PENDING))
               .whenTimeAdvancesTo(FIRST_FAST)
               .expectScheduledDeadline(SECOND_FAST, new RefreshDue(WORKER, 2));
    }

    @Test
    void aRunningWorkerWhoseServiceIsNotYetAvailableStaysOnTheFastCadence() throws Exception {
        fixture.givenCurrentTime(AT)
               .andThenAPublished(created(WORKER))
               .andThenAPublished(status(WORKER, UNKNOWN, RUNNING))
               .whenTimeAdvancesTo(FIRST_FAST)
               .expectScheduledDeadline(SECOND_FAST, new RefreshDue(WORKER, 2));
    }

    @Test
    void aRunningWorkerWithItsServiceAvailableMovesToTheNormalCadence() throws Exception {
        fixture.givenCurrentTime(AT)
               .andThenAPublished(created(WORKER))
               .andThenAPublished(status(WORKER, UNKNOWN, RUNNING))
               .andThenAPublished(health(WORKER, UNAVAILABLE, AVAILABLE))
               .whenTimeAdvancesTo(FIRST_FAST)
               .expectScheduledDeadline(FIRST_NORMAL, new RefreshDue(WORKER, 2))
               .expectNoScheduledDeadline(SECOND_FAST, new RefreshDue(WORKER, 2));
        assertThat(refreshes.received()).containsExactly(new RefreshWorker(
                WORKER, REGION, instanceOf(WORKER), RefreshTrigger.SCHEDULED, "monitoring"));
    }

    @Test
    void aStoppedWorkerMovesToTheNormalCadence() throws Exception {
        fixture.givenCurrentTime(AT)
               .andThenAPublished(created(WORKER))
               .andThenAPublished(status(WORKER, UNKNOWN, STOPPED))
               .whenTimeAdvancesTo(FIRST_FAST)
               .expectScheduledDeadline(FIRST_NORMAL, new RefreshDue(WORKER, 2));
    }

    @Test
    void becomingStableKeepsTheSoonerFastDeadlineInsteadOfPostponingIt() throws Exception {
        fixture.givenCurrentTime(AT)
               .andThenAPublished(created(WORKER))
               .andThenAPublished(status(WORKER, UNKNOWN, RUNNING))
               .whenPublishingA(health(WORKER, UNAVAILABLE, AVAILABLE))
               .expectScheduledDeadline(FIRST_FAST, new RefreshDue(WORKER, 1))
               .expectNoScheduledDeadlineOfType(FIRST_NORMAL, RefreshDue.class);
    }

    @Test
    void aServiceThatDropsIsRescheduledSooner() throws Exception {
        fixture.givenCurrentTime(AT)
               .andThenAPublished(created(WORKER))
               .andThenAPublished(status(WORKER, UNKNOWN, RUNNING))
               .andThenAPublished(health(WORKER, UNAVAILABLE, AVAILABLE))
               .andThenTimeAdvancesTo(FIRST_FAST) // fires; the next one is the normal one at FIRST_NORMAL
               .whenPublishingA(health(WORKER, AVAILABLE, UNAVAILABLE))
               .expectScheduledDeadline(SECOND_FAST, new RefreshDue(WORKER, 3))
               .expectNoScheduledDeadline(FIRST_NORMAL, new RefreshDue(WORKER, 2))
               .expectNoDispatchedCommands();
    }

    @Test
    void aServiceMarkedUnavailableIsRescheduledSooner() throws Exception {
        fixture.givenCurrentTime(AT)
               .andThenAPublished(created(WORKER))
               .andThenAPublished(status(WORKER, UNKNOWN, RUNNING))
               .andThenAPublished(health(WORKER, UNAVAILABLE, AVAILABLE))
               .andThenTimeAdvancesTo(FIRST_FAST)
               .andThenAPublished(status(WORKER, RUNNING, STOPPING))
               .whenPublishingA(serviceLost(WORKER))
               // STOPPING already brought it forward; losing the service keeps that one, no second reschedule.
               .expectScheduledDeadline(SECOND_FAST, new RefreshDue(WORKER, 3))
               .expectNoScheduledDeadline(FIRST_NORMAL, new RefreshDue(WORKER, 2))
               .expectNoScheduledDeadline(SECOND_FAST, new RefreshDue(WORKER, 4));
    }

    @Test
    void aStoppedWorkerThatStartsAgainIsRescheduledSooner() throws Exception {
        fixture.givenCurrentTime(AT)
               .andThenAPublished(created(WORKER))
               .andThenAPublished(status(WORKER, UNKNOWN, STOPPED))
               .andThenTimeAdvancesTo(FIRST_FAST)
               .whenPublishingA(status(WORKER, STOPPED, PENDING))
               .expectScheduledDeadline(SECOND_FAST, new RefreshDue(WORKER, 3))
               .expectNoScheduledDeadline(FIRST_NORMAL, new RefreshDue(WORKER, 2));
    }

    @Test
    void terminationCancelsThePendingDeadlineAndEndsTheSaga() throws Exception {
        fixture.givenCurrentTime(AT)
               .andThenAPublished(created(WORKER))
               .whenPublishingA(terminated(WORKER))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines()
               .expectNoDispatchedCommands();
    }

    @Test
    void terminationAfterSomeRefreshesCancelsTheLatestDeadline() throws Exception {
        fixture.givenCurrentTime(AT)
               .andThenAPublished(created(WORKER))
               .andThenTimeAdvancesTo(FIRST_FAST)
               .whenPublishingA(terminated(WORKER))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
    }

    @Test
    void nothingIsRefreshedAfterTermination() throws Exception {
        fixture.givenCurrentTime(AT)
               .andThenAPublished(created(WORKER))
               .andThenAPublished(terminated(WORKER))
               .whenTimeElapses(Duration.ofMinutes(30))
               .expectNoDispatchedCommands()
               .expectTriggeredDeadlinesOfType();
    }

    @Test
    void workersInDifferentSlotsAreDueAtDifferentInstantsOfTheInterval() throws Exception {
        // worker-a hashes to slot 2, worker-b to slot 6: 6 s and 18 s into the fast interval.
        fixture.givenCurrentTime(AT)
               .andThenAPublished(created("worker-a"))
               .whenPublishingA(created(WORKER))
               .expectActiveSagas(2)
               .expectScheduledDeadline(AT.plusSeconds(6), new RefreshDue("worker-a", 1))
               .expectScheduledDeadline(FIRST_FAST, new RefreshDue(WORKER, 1));
    }

    @Test
    void workersInTheSameSlotAreDueAtTheSameInstantSoTheirCallsCoalesce() throws Exception {
        // worker-a and worker-c both hash to slot 2.
        fixture.givenCurrentTime(AT)
               .andThenAPublished(created("worker-a"))
               .whenPublishingA(created("worker-c"))
               .expectScheduledDeadline(AT.plusSeconds(6), new RefreshDue("worker-a", 1))
               .expectScheduledDeadline(AT.plusSeconds(6), new RefreshDue("worker-c", 1));
    }
}
