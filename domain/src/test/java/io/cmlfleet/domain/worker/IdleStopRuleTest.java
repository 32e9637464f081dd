package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.domain.worker.command.EvaluateIdleness;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.IdleStopConfigured;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.StatusChanged;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The idle-stop rule on hand-made states: when an idle worker is stopped, and the words for why (not). */
class IdleStopRuleTest {

    private static final Duration HOUR = Duration.ofMinutes(60);
    private static final Duration SNOOZE = Duration.ofMinutes(30);
    private static final Instant RESUMED = NOW.minus(Duration.ofMinutes(120));
    private static final Instant IDLE_FROM = NOW.minus(Duration.ofMinutes(75));
    private static final Instant REQUESTED_AT = NOW.plusSeconds(1);

    /** RUNNING since two hours, and CML reporting no running nodes for 75 minutes. */
    private static Object[] idleForSeventyFiveMinutes() {
        return new Object[]{
                created(),
                new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, "running", "r", RESUMED),
                new CmlStatsRecorded(WORKER, facts(0), IDLE_FROM)};
    }

    @Test
    void anIdleWorkerIsStoppedByTheIdlePolicyWithTheReason() {
        IdleStopVerdict verdict = evaluate(stateAfter(idleForSeventyFiveMinutes()), HOUR);

        String reason = "no running CML nodes for 75 min (idle limit 60 min)";
        assertThat(verdict.stop()).isTrue();
        assertThat(verdict.reason()).isEqualTo(reason);
        assertThat(verdict.events()).containsExactly(
                new IdleStopTriggered(WORKER, IDLE_FROM, 75, reason, NOW),
                new LifecycleActionRequested(WORKER, LifecycleAction.STOP, WorkerState.IDLE_POLICY, reason,
                        REQUESTED_AT));
    }

    @Test
    void exactlyAtTheIdleLimitIsIdleEnough() {
        assertThat(evaluate(stateAfter(idleForSeventyFiveMinutes()), Duration.ofMinutes(75)).stop()).isTrue();
    }

    @Test
    void theFleetWideSwitchComesFirst() {
        WorkerState state = stateAfter(plus(idleForSeventyFiveMinutes(),
                new IdleStopConfigured(WORKER, false, "ops", T0)));

        assertKeepsRunning(IdleStopRule.evaluate(state, new EvaluateIdleness(WORKER, HOUR, SNOOZE, false, NOW),
                REQUESTED_AT), "idle stopping is disabled fleet-wide");
    }

    @Test
    void thenTheWorkersOwnSwitch() {
        WorkerState state = stateAfter(plus(idleForSeventyFiveMinutes(),
                new IdleStopConfigured(WORKER, false, "ops", T0)));

        assertKeepsRunning(evaluate(state, HOUR), "idle stopping is disabled for this worker");
    }

    @Test
    void onlyARunningWorkerIsStopped() {
        WorkerState state = stateAfter(plus(idleForSeventyFiveMinutes(),
                new StatusChanged(WORKER, WorkerStatus.RUNNING, WorkerStatus.STOPPED, "stopped", "r", T0)));

        assertKeepsRunning(evaluate(state, HOUR), "worker is STOPPED, not RUNNING");
    }

    @Test
    void aStopRequestedSinceTheLastResumeIsNotRequestedAgain() {
        WorkerState state = stateAfter(plus(idleForSeventyFiveMinutes(),
                new LifecycleActionRequested(WORKER, LifecycleAction.STOP, "alice", null, T2)));

        assertKeepsRunning(evaluate(state, HOUR), "a stop was already requested at " + T2);
    }

    @Test
    void aStopRequestedBeforeTheLastResumeNoLongerCounts() {
        WorkerState state = stateAfter(created(),
                new LifecycleActionRequested(WORKER, LifecycleAction.STOP, "alice", null, RESUMED.minusSeconds(60)),
                new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, "running", "r", RESUMED),
                new CmlStatsRecorded(WORKER, facts(0), IDLE_FROM));

        assertThat(evaluate(state, HOUR).stop()).isTrue();
    }

    @Test
    void withoutAnyCmlReportTheActivityIsNotKnown() {
        WorkerState state = stateAfter(created(),
                new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, "running", "r", RESUMED));

        assertKeepsRunning(evaluate(state, HOUR), "no lab activity known yet");
    }

    @Test
    void runningNodesAreLabActivity() {
        WorkerState state = stateAfter(plus(idleForSeventyFiveMinutes(),
                new CmlStatsRecorded(WORKER, facts(4), NOW.minusSeconds(30))));

        assertKeepsRunning(evaluate(state, HOUR), "lab activity: 4 nodes running");
    }

    @Test
    void aResumeSnoozesIdleStopping() {
        Instant resumedAgain = NOW.minus(Duration.ofMinutes(10));
        WorkerState state = stateAfter(idleThenStoppedAndResumedAt(resumedAgain));

        assertKeepsRunning(evaluate(state, HOUR), "snoozed until " + resumedAgain.plus(SNOOZE) + " after resume");
    }

    @Test
    void theIdleClockStartsAgainAtAResume() {
        Instant resumedAgain = NOW.minus(Duration.ofMinutes(70));
        WorkerState state = stateAfter(idleThenStoppedAndResumedAt(resumedAgain));

        IdleStopVerdict verdict = evaluate(state, HOUR);

        assertThat(verdict.reason()).isEqualTo("no running CML nodes for 70 min (idle limit 60 min)");
        assertThat(verdict.events().get(0)).isEqualTo(new IdleStopTriggered(WORKER, resumedAgain, 70,
                verdict.reason(), NOW));
    }

    @Test
    void notIdleForLongEnoughSaysHowLong() {
        assertKeepsRunning(evaluate(stateAfter(idleForSeventyFiveMinutes()), Duration.ofMinutes(90)),
                "idle for 75 min of 90 min");
    }

    /** As {@link #idleForSeventyFiveMinutes()}, then stopped a minute later and resumed at {@code resumedAt}. */
    private static Object[] idleThenStoppedAndResumedAt(Instant resumedAt) {
        return plus(idleForSeventyFiveMinutes(),
                new StatusChanged(WORKER, WorkerStatus.RUNNING, WorkerStatus.STOPPED, "stopped", "r",
                        IDLE_FROM.plusSeconds(60)),
                new StatusChanged(WORKER, WorkerStatus.STOPPED, WorkerStatus.RUNNING, "running", "r", resumedAt));
    }

    private static IdleStopVerdict evaluate(WorkerState state, Duration idleAfter) {
        return IdleStopRule.evaluate(state, new EvaluateIdleness(WORKER, idleAfter, SNOOZE, true, NOW),
                REQUESTED_AT);
    }

    private static void assertKeepsRunning(IdleStopVerdict verdict, String reason) {
        assertThat(verdict.stop()).isFalse();
        assertThat(verdict.events()).isEmpty();
        assertThat(verdict.reason()).isEqualTo(reason);
    }

    private static CmlFacts facts(int nodesRunning) {
        return new CmlFacts("2.9.1", true, true, true, null, null, 1, nodesRunning, 10, 0, 0L, null);
    }
}
