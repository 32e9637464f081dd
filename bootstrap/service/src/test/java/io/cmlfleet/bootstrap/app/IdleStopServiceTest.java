package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cmlfleet.idle-stop.*} in the running service, against the simulated fleet (where some controllers run no
 * lab nodes): switched on with a short idle limit and no snooze, an idle worker is stopped by the idle policy; with
 * a long snooze after resume, none is, and the refresh says why.
 */
class IdleStopServiceTest {

    @TempDir
    Path dataDir;

    @Test
    void anIdleWorkerIsStoppedOnceTheIdleLimitHasPassed() {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.simulator.instances", "6",
                "cmlfleet.idle-stop.enabled", "true",
                "cmlfleet.idle-stop.idle-after", "2s",
                "cmlfleet.idle-stop.snooze-after-resume", "0s"))) {
            List<String> workers = workerIds(run);

            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> workers.stream()
                    .anyMatch(worker -> run.count(worker, IdleStopTriggered.class) > 0));

            String stopped = workers.stream().filter(worker -> run.count(worker, IdleStopTriggered.class) > 0)
                    .findFirst().orElseThrow();
            assertThat(run.events(stopped)).filteredOn(LifecycleActionRequested.class::isInstance)
                    .map(LifecycleActionRequested.class::cast)
                    .anySatisfy(request -> {
                        assertThat(request.action()).isEqualTo(LifecycleAction.STOP);
                        assertThat(request.requestedBy()).isEqualTo(WorkerState.IDLE_POLICY);
                        assertThat(request.reason()).startsWith("no running CML nodes for");
                    });
        }
    }

    @Test
    void noWorkerIsStoppedWhileItIsSnoozedAfterItsResume() {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.simulator.instances", "6",
                "cmlfleet.idle-stop.enabled", "true",
                "cmlfleet.idle-stop.idle-after", "2s",
                "cmlfleet.idle-stop.snooze-after-resume", "1h"))) {
            List<String> workers = workerIds(run);

            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> workers.stream()
                    .anyMatch(worker -> idleCheckDetails(run, worker).stream()
                            .anyMatch(detail -> detail.startsWith("not stopping: snoozed until"))));

            assertThat(workers).allSatisfy(worker ->
                    assertThat(run.count(worker, IdleStopTriggered.class)).as(worker).isZero());
        }
    }

    private static List<String> idleCheckDetails(SimulatedFleetRun run, String worker) {
        return run.events(worker).stream()
                .filter(RefreshCompleted.class::isInstance).map(RefreshCompleted.class::cast)
                .flatMap(completed -> completed.stages().stream())
                .filter(stage -> stage.stage() == RefreshStage.IDLE_CHECK)
                .map(stage -> stage.detail()).filter(Objects::nonNull).toList();
    }

    private static List<String> workerIds(SimulatedFleetRun run) {
        return run.fleet().workers().stream().map(SimulatedFleetImporter::workerIdFor).toList();
    }
}
