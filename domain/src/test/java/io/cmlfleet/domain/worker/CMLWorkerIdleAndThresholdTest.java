package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.domain.worker.command.ConfigureIdleStop;
import io.cmlfleet.domain.worker.command.EvaluateIdleness;
import io.cmlfleet.domain.worker.command.RecordLifecycleActionFailure;
import io.cmlfleet.domain.worker.command.RecordTelemetry;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.IdleStopConfigured;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.LifecycleActionFailed;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.TelemetryThresholdBreached;
import io.cmlfleet.domain.worker.event.TelemetryThresholdRecovered;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CMLWorkerIdleAndThresholdTest {

    private static final Duration HOUR = Duration.ofMinutes(60);
    private static final Duration SNOOZE = Duration.ofMinutes(30);
    private static final Instant RESUMED = NOW.minus(Duration.ofMinutes(120));
    private static final Instant IDLE_FROM = NOW.minus(Duration.ofMinutes(75));

    /** RUNNING since two hours, AVAILABLE, and CML reporting no running nodes for 75 minutes. */
    private static Object[] idleForSeventyFiveMinutes() {
        return new Object[]{
                created(),
                new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, "running", "r", RESUMED),
                new CmlStatsRecorded(WORKER, facts(0), IDLE_FROM)};
    }

    private static CmlFacts facts(int nodesRunning) {
        return new CmlFacts("2.9.1", true, true, true, null, null, 1, nodesRunning, 10, 0, 0L, null);
    }

    @Test
    void anIdleWorkerIsStoppedWithTheReasonAndCountedAsAnAutomaticStop() {
        String reason = "no running CML nodes for 75 min (idle limit 60 min)";
        fixture().given(idleForSeventyFiveMinutes())
                .when(new EvaluateIdleness(WORKER, HOUR, SNOOZE, true, NOW))
                .expectEvents(
                        new IdleStopTriggered(WORKER, IDLE_FROM, 75, reason, NOW),
                        new LifecycleActionRequested(WORKER, LifecycleAction.STOP, WorkerState.IDLE_POLICY, reason,
                                NOW))
                .expectResultMessagePayload(new IdleStopDecision(true, reason,
                        new WorkerPlacement(WORKER, REGION, INSTANCE)));
    }

    @Test
    void notStoppedWhenDisabledFleetWide() {
        fixture().given(idleForSeventyFiveMinutes())
                .when(new EvaluateIdleness(WORKER, HOUR, SNOOZE, false, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new IdleStopDecision(false, "idle stopping is disabled fleet-wide",
                        new WorkerPlacement(WORKER, REGION, INSTANCE)));
    }

    @Test
    void notStoppedWhenDisabledForTheWorker() {
        fixture().given(idleForSeventyFiveMinutes())
                .andGiven(new IdleStopConfigured(WORKER, false, "ops", T0))
                .when(new EvaluateIdleness(WORKER, HOUR, SNOOZE, true, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new IdleStopDecision(false, "idle stopping is disabled for this worker",
                        new WorkerPlacement(WORKER, REGION, INSTANCE)));
    }

    @Test
    void notStoppedWhileLabsRun() {
        fixture().given(idleForSeventyFiveMinutes())
                .andGiven(new CmlStatsRecorded(WORKER, facts(4), NOW.minusSeconds(30)))
                .when(new EvaluateIdleness(WORKER, HOUR, SNOOZE, true, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new IdleStopDecision(false, "lab activity: 4 nodes running",
                        new WorkerPlacement(WORKER, REGION, INSTANCE)));
    }

    @Test
    void notStoppedBeforeTheIdleLimit() {
        fixture().given(idleForSeventyFiveMinutes())
                .when(new EvaluateIdleness(WORKER, Duration.ofMinutes(90), SNOOZE, true, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new IdleStopDecision(false, "idle for 75 min of 90 min",
                        new WorkerPlacement(WORKER, REGION, INSTANCE)));
    }

    @Test
    void aResumeSnoozesIdleStoppingAndRestartsTheIdleClock() {
        Instant resumedAgain = NOW.minus(Duration.ofMinutes(10));
        fixture().given(idleForSeventyFiveMinutes())
                .andGiven(new StatusChanged(WORKER, WorkerStatus.RUNNING, WorkerStatus.STOPPED, "stopped", "r",
                                IDLE_FROM.plusSeconds(60)),
                        new StatusChanged(WORKER, WorkerStatus.STOPPED, WorkerStatus.RUNNING, "running", "r",
                                resumedAgain))
                .when(new EvaluateIdleness(WORKER, HOUR, SNOOZE, true, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new IdleStopDecision(false, "snoozed until "
                        + resumedAgain.plus(SNOOZE) + " after resume", new WorkerPlacement(WORKER, REGION, INSTANCE)));
    }

    @Test
    void aPendingStopIsNotRequestedTwice() {
        fixture().given(idleForSeventyFiveMinutes())
                .andGiven(new LifecycleActionRequested(WORKER, LifecycleAction.STOP, "alice", null, T2))
                .when(new EvaluateIdleness(WORKER, HOUR, SNOOZE, true, NOW))
                .expectNoEvents();
    }

    @Test
    void autoAndManualStopsAreCountedApart() {
        List<WorkerEvent> history = new ArrayList<>(Arrays.stream(idleForSeventyFiveMinutes())
                .map(WorkerEvent.class::cast).toList());
        history.add(new IdleStopTriggered(WORKER, IDLE_FROM, 75, "idle", NOW));
        history.add(new LifecycleActionRequested(WORKER, LifecycleAction.STOP, WorkerState.IDLE_POLICY, "idle", NOW));
        history.add(new LifecycleActionRequested(WORKER, LifecycleAction.STOP, "alice", null, NOW));
        history.add(new LifecycleActionRequested(WORKER, LifecycleAction.START, "alice", null, NOW));

        WorkerState state = WorkerState.replay(history);

        assertThat(state.autoStops()).isEqualTo(1);
        assertThat(state.manualStops()).isEqualTo(1);
    }

    @Test
    void configuringIdleStopRecordsOnlyAChange() {
        fixture().given(created())
                .when(new ConfigureIdleStop(WORKER, false, "ops"))
                .expectEvents(new IdleStopConfigured(WORKER, false, "ops", NOW));
        fixture().given(created())
                .when(new ConfigureIdleStop(WORKER, true, "ops"))
                .expectNoEvents();
    }

    @Test
    void aCpuBreachIsRecordedOnceAndItsRecoveryToo() {
        fixture().given(runningWithAutoEndpoint())
                .when(new RecordTelemetry(WORKER, 95.0, 40.0, T1, 300, 90.0, 90.0))
                .expectEvents(new TelemetryUpdated(WORKER, 95.0, 40.0, T1, 300),
                        new TelemetryThresholdBreached(WORKER, TelemetryMetric.CPU, 95.0, 90.0, T1));
        fixture().given(runningWithAutoEndpoint())
                .andGiven(new TelemetryUpdated(WORKER, 95.0, 40.0, T1, 300),
                        new TelemetryThresholdBreached(WORKER, TelemetryMetric.CPU, 95.0, 90.0, T1))
                .when(new RecordTelemetry(WORKER, 97.0, 40.0, T2, 300, 90.0, 90.0))
                .expectEvents(new TelemetryUpdated(WORKER, 97.0, 40.0, T2, 300));
        fixture().given(runningWithAutoEndpoint())
                .andGiven(new TelemetryUpdated(WORKER, 95.0, 40.0, T1, 300),
                        new TelemetryThresholdBreached(WORKER, TelemetryMetric.CPU, 95.0, 90.0, T1))
                .when(new RecordTelemetry(WORKER, 20.0, 40.0, T2, 300, 90.0, 90.0))
                .expectEvents(new TelemetryUpdated(WORKER, 20.0, 40.0, T2, 300),
                        new TelemetryThresholdRecovered(WORKER, TelemetryMetric.CPU, 20.0, 90.0, T2));
    }

    @Test
    void aMemoryValueExactlyAtTheThresholdIsABreach() {
        fixture().given(runningWithAutoEndpoint())
                .when(new RecordTelemetry(WORKER, null, 90.0, T1, 300, 90.0, 90.0))
                .expectEvents(new TelemetryUpdated(WORKER, null, 90.0, T1, 300),
                        new TelemetryThresholdBreached(WORKER, TelemetryMetric.MEMORY, 90.0, 90.0, T1));
    }

    @Test
    void aRefusedLifecycleCallIsRecorded() {
        fixture().given(runningWithAutoEndpoint())
                .when(new RecordLifecycleActionFailure(WORKER, LifecycleAction.STOP, "ACCESS_DENIED",
                        "not authorized to perform ec2:StopInstances", T2))
                .expectEvents(new LifecycleActionFailed(WORKER, LifecycleAction.STOP, "ACCESS_DENIED",
                        "not authorized to perform ec2:StopInstances", T2));
    }
}
