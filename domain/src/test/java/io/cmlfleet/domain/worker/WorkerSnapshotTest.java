package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.NOW;
import static io.cmlfleet.domain.worker.WorkerFixtures.T1;
import static io.cmlfleet.domain.worker.WorkerFixtures.T2;
import static io.cmlfleet.domain.worker.WorkerFixtures.WORKER;
import static io.cmlfleet.domain.worker.WorkerFixtures.plus;
import static io.cmlfleet.domain.worker.WorkerFixtures.runningAndAvailable;
import static io.cmlfleet.domain.worker.WorkerFixtures.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.IdleStopConfigured;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.LifecycleActionFailed;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.TelemetryThresholdBreached;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerSnapshotTest {

    /** A history that sets every part of the state. */
    private static final Object[] EVERYTHING = plus(runningAndAvailable(),
            new CmlStatsRecorded(WORKER, new CmlFacts("2.9.1", true, true, true, "COMPLETED", "AUTHORIZED", 3, 0, 12,
                    8, 16_000_000L, 3600L), T1),
            new TelemetryUpdated(WORKER, 93.5, 41.0, T1, 300),
            new TelemetryThresholdBreached(WORKER, TelemetryMetric.CPU, 93.5, 90.0, T1),
            new RefreshFailed(WORKER, RefreshStage.CML_STATS, "TIMEOUT", "read timed out", true, T1),
            new RefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T1, T2,
                    List.of(RefreshStageOutcome.ran(RefreshStage.EC2_OBSERVATION))),
            new IdleStopConfigured(WORKER, false, "alice", T2),
            new IdleStopTriggered(WORKER, T1, 60, "no running CML nodes for 60 min", T2),
            new LifecycleActionRequested(WORKER, LifecycleAction.STOP, "bob", "maintenance", T2),
            new LifecycleActionFailed(WORKER, LifecycleAction.STOP, "THROTTLED", "Rate exceeded", NOW),
            new io.cmlfleet.domain.worker.event.UserActivityObserved(WORKER, "start_lab", "alice", T1, T2),
            new io.cmlfleet.domain.worker.event.IdleStopSnoozed(WORKER, NOW, "ops", "exam", T2),
            new io.cmlfleet.domain.worker.event.IdleStopWarned(WORKER, T1, "idle", NOW, true, T2));

    @Test
    void theSnapshotHasOneComponentPerFieldOfTheStateByTheSameName() {
        List<String> fields = Arrays.stream(WorkerState.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .map(Field::getName)
                .toList();
        List<String> components = Arrays.stream(WorkerSnapshot.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();

        assertThat(components).containsExactlyElementsOf(fields);
    }

    @Test
    void aRestoredStateKnowsExactlyWhatTheSnapshottedOneKnew() {
        WorkerState original = stateAfter(EVERYTHING);
        WorkerSnapshot snapshot = WorkerSnapshot.of(original);

        WorkerState restored = snapshot.toState();

        assertThat(WorkerSnapshot.of(restored)).isEqualTo(snapshot);
        assertThat(restored.refreshGate()).isEqualTo(original.refreshGate());
        assertThat(restored.isBreached(TelemetryMetric.CPU)).isTrue();
        assertThat(restored.isBreached(TelemetryMetric.MEMORY)).isFalse();
        assertThat(restored.idleStopEnabled()).isFalse();
        assertThat(restored.autoStops()).isEqualTo(1);
        assertThat(restored.manualStops()).isEqualTo(1);
        assertThat(restored.idle()).isEqualTo(original.idle());
        assertThat(restored.idle().lastActivity()).isEqualTo("start_lab by alice");
        assertThat(restored.idle().snoozedUntil()).isEqualTo(NOW);
        assertThat(restored.idle().controllerMarked()).isTrue();
        assertThat(restored.cmlFacts().nodesTotal()).isEqualTo(12);
    }

    @Test
    void aRestoredStateFoldsLaterEventsLikeTheOriginal() {
        WorkerState original = stateAfter(EVERYTHING);
        WorkerState restored = WorkerSnapshot.of(original).toState();
        TelemetryUpdated later = new TelemetryUpdated(WORKER, 12.0, 40.0, NOW, 300);

        original.apply(later);
        restored.apply(later);

        assertThat(WorkerSnapshot.of(restored)).isEqualTo(WorkerSnapshot.of(original));
    }

    @Test
    void theEmptyStateSurvivesASnapshotToo() {
        WorkerState empty = new WorkerState();

        assertThat(WorkerSnapshot.of(WorkerSnapshot.of(empty).toState())).isEqualTo(WorkerSnapshot.of(empty));
        assertThat(WorkerSnapshot.of(empty).toState().status()).isEqualTo(WorkerStatus.UNKNOWN);
    }
}
