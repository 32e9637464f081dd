package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.NOW;
import static io.cmlfleet.domain.worker.WorkerFixtures.WORKER;
import static io.cmlfleet.domain.worker.WorkerFixtures.plus;
import static io.cmlfleet.domain.worker.WorkerFixtures.runningAndAvailable;
import static io.cmlfleet.domain.worker.WorkerFixtures.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmlfleet.domain.worker.command.EvaluateIdleness;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.IdleStopCancelled;
import io.cmlfleet.domain.worker.event.IdleStopConfigured;
import io.cmlfleet.domain.worker.event.IdleStopSnoozed;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.IdleStopWarned;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.UserActivityObserved;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Warning, grace, cancellation, snooze and resume, on hand-made states: the rule's events and words. */
class IdleStopGraceRuleTest {

    private static final Duration HOUR = Duration.ofMinutes(60);
    private static final Duration GRACE = Duration.ofMinutes(15);
    private static final Instant IDLE_FROM = NOW.minus(Duration.ofMinutes(75));
    private static final Instant WARNED_AT = NOW.minus(Duration.ofMinutes(5));

    /** RUNNING (since T0 of the fixtures, ten minutes) and AVAILABLE; CML reporting no running nodes since earlier. */
    private static Object[] idle() {
        return plus(runningAndAvailable(), new CmlStatsRecorded(WORKER, facts(0), IDLE_FROM));
    }

    private static Object[] warned() {
        return plus(idle(), new IdleStopWarned(WORKER, IDLE_FROM, "idle", WARNED_AT.plus(GRACE), true, WARNED_AT));
    }

    @Test
    void anIdleWorkerIsWarnedWithThePlannedStopTimeAndMaintenanceMode() {
        IdleStopVerdict verdict = evaluate(stateAfter(idle()), NOW);

        assertThat(verdict.stop()).isFalse();
        assertThat(verdict.announce()).isTrue();
        assertThat(verdict.events()).singleElement().isInstanceOfSatisfying(IdleStopWarned.class, warned -> {
            assertThat(warned.plannedStopAt()).isEqualTo(NOW.plus(GRACE));
            assertThat(warned.maintenanceMode()).isTrue();
            assertThat(warned.reason()).startsWith("no running CML nodes for 10 min (idle limit 0 min");
        });
    }

    @Test
    void duringTheGraceNothingMoreHappensAndAtItsEndTheWorkerIsStopped() {
        WorkerState state = stateAfter(warned());

        assertThat(evaluate(state, NOW).events()).isEmpty();
        assertThat(evaluate(state, NOW).reason()).isEqualTo("warned at " + WARNED_AT + ": stopping at "
                + WARNED_AT.plus(GRACE));

        Instant end = WARNED_AT.plus(GRACE);
        IdleStopVerdict atTheEnd = evaluate(state, end);
        assertThat(atTheEnd.stop()).isTrue();
        assertThat(atTheEnd.events()).hasSize(2);
        assertThat(atTheEnd.events().get(0)).isInstanceOf(IdleStopTriggered.class);
        assertThat(atTheEnd.events().get(1)).isInstanceOfSatisfying(LifecycleActionRequested.class, request ->
                assertThat(request.reason()).endsWith("; warned at " + WARNED_AT));
    }

    @Test
    void userActivityAfterTheWarningCancelsItAndLiftsMaintenanceMode() {
        Instant acted = NOW.minusSeconds(30);
        WorkerState state = stateAfter(plus(warned(),
                new UserActivityObserved(WORKER, "start_lab", "alice", acted, NOW)));

        IdleStopVerdict verdict = evaluate(state, NOW);

        assertThat(verdict.withdraw()).isTrue();
        assertThat(verdict.events()).containsExactly(new IdleStopCancelled(WORKER,
                "user activity: start_lab by alice at " + acted, NOW));
        state.apply(verdict.events().get(0));
        assertThat(state.idle().warned()).isFalse();
        assertThat(state.idle().controllerMarked()).isFalse();
    }

    @Test
    void userActivityRestartsTheIdleClock() {
        WorkerState state = stateAfter(plus(idle(), new UserActivityObserved(WORKER, "stop_node", "bob",
                NOW.minus(Duration.ofMinutes(4)), NOW)));

        IdleStopVerdict verdict = IdleStopRule.evaluate(state, settings(Duration.ofMinutes(5), NOW), NOW);

        assertThat(verdict.events()).isEmpty();
        assertThat(verdict.reason()).isEqualTo("idle for 4 min of 5 min; last user activity stop_node by bob at "
                + NOW.minus(Duration.ofMinutes(4)));
    }

    @Test
    void aSnoozeKeepsTheWorkerUnwarnedAndCancelsAPendingWarning() {
        Instant until = NOW.plus(Duration.ofHours(2));
        IdleStopSnoozed snooze = new IdleStopSnoozed(WORKER, until, "ops", "exam", NOW.minusSeconds(10));

        assertThat(evaluate(stateAfter(plus(idle(), snooze)), NOW).events()).isEmpty();
        assertThat(evaluate(stateAfter(plus(idle(), snooze)), NOW).reason())
                .isEqualTo("snoozed by an operator until " + until);
        assertThat(evaluate(stateAfter(plus(warned(), snooze)), NOW).events()).singleElement()
                .isInstanceOfSatisfying(IdleStopCancelled.class, cancelled ->
                        assertThat(cancelled.reason()).isEqualTo("snoozed by an operator until " + until));
        assertThat(evaluate(stateAfter(plus(idle(), snooze)), until).announce()).as("after the snooze").isTrue();
    }

    @Test
    void anOptOutCancelsAPendingWarning() {
        WorkerState state = stateAfter(plus(warned(), new IdleStopConfigured(WORKER, false, "ops", NOW)));

        assertThat(evaluate(state, NOW).events()).containsExactly(new IdleStopCancelled(WORKER,
                "idle stopping is disabled for this worker", NOW));
    }

    @Test
    void afterAnIdleStopTheResumedControllerLeavesMaintenanceModeOnceCmlIsAvailable() {
        Object[] stoppedAndResumed = plus(warned(),
                new IdleStopTriggered(WORKER, IDLE_FROM, 80, "idle", WARNED_AT.plus(GRACE)),
                new StatusChanged(WORKER, WorkerStatus.RUNNING, WorkerStatus.STOPPED, "stopped", "r", NOW),
                new io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE,
                        "worker left RUNNING", NOW),
                new StatusChanged(WORKER, WorkerStatus.STOPPED, WorkerStatus.RUNNING, "running", "r", NOW));
        Instant later = NOW.plusSeconds(60);

        WorkerState unavailable = stateAfter(stoppedAndResumed);
        assertThat(unavailable.idle().controllerMarked()).isTrue();
        assertThat(evaluate(unavailable, later).reason())
                .isEqualTo("waiting for CML to lift the maintenance mode of an idle stop");

        WorkerState available = stateAfter(plus(stoppedAndResumed, runningAndAvailable()[4]));
        IdleStopVerdict verdict = evaluate(available, later);
        assertThat(verdict.withdraw()).isTrue();
        assertThat(verdict.events()).containsExactly(new IdleStopCancelled(WORKER,
                "worker resumed after an idle stop: lifting CML maintenance mode", later));
    }

    @Test
    void withoutGraceTheWorkerIsStoppedAtOnce() {
        IdleStopVerdict verdict = IdleStopRule.evaluate(stateAfter(idle()),
                new EvaluateIdleness(WORKER, Duration.ZERO.plusSeconds(1), Duration.ZERO, true, NOW), NOW);

        assertThat(verdict.stop()).isTrue();
        assertThat(verdict.events()).noneMatch(IdleStopWarned.class::isInstance);
    }

    @Test
    void onlyNewerActivityIsRecordedAndAFastControllerClockIsCapped() {
        WorkerState state = stateAfter(plus(idle(), new UserActivityObserved(WORKER, "start_lab", "alice",
                NOW.minusSeconds(60), NOW.minusSeconds(50))));

        assertThat(UserActivityRule.observed(state, new UserActivity("start_lab", "alice", NOW.minusSeconds(60)),
                NOW)).isEmpty();
        Optional<UserActivityObserved> ahead = UserActivityRule.observed(state,
                new UserActivity("wipe_node", "bob", NOW.plusSeconds(3600)), NOW);
        assertThat(ahead).hasValueSatisfying(observed -> {
            assertThat(observed.activityAt()).isEqualTo(NOW);
            assertThat(observed.user()).isEqualTo("bob");
        });
    }

    @Test
    void aSnoozeIsBetweenAMinuteAndAWeek() {
        assertThat(IdleInputRules.snooze("duration", Duration.ofDays(7))).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> IdleInputRules.snooze("duration", Duration.ofSeconds(59)))
                .isInstanceOf(InvalidWorkerInputException.class).hasMessageStartingWith("Invalid duration:");
        assertThatThrownBy(() -> IdleInputRules.snooze("duration", Duration.ofDays(8)))
                .isInstanceOf(InvalidWorkerInputException.class).hasMessageContaining("PT168H");
    }

    private static IdleStopVerdict evaluate(WorkerState state, Instant at) {
        return IdleStopRule.evaluate(state, settings(Duration.ofSeconds(1), at), at);
    }

    private static EvaluateIdleness settings(Duration idleAfter, Instant at) {
        return new EvaluateIdleness(WORKER, idleAfter, Duration.ZERO, true, at, GRACE, true, null);
    }

    private static CmlFacts facts(int nodesRunning) {
        return new CmlFacts("2.9.1", true, true, true, null, null, 1, nodesRunning, 10, 0, 0L, null);
    }
}
