package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.simulator.RequestCounters;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refresh engine in the running service, against the simulated fleet: {@code cmlfleet.refresh.batch-window}
 * makes the workers of a slot share their AWS calls, and {@code cmlfleet.refresh.telemetry-min-change-percent}
 * decides which telemetry samples become events.
 */
class RefreshEngineServiceTest {

    private static final int WORKERS = 8;

    @TempDir
    Path dataDir;

    @Test
    void workersOfOneSlotShareTheirDescribeAndTelemetryCalls() {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.simulator.instances", String.valueOf(WORKERS),
                "cmlfleet.refresh.batch-window", "500ms"))) {
            List<String> workers = workerIds(run);
            workers.forEach(run::awaitFullCycle);
            RequestCounters requests = run.fleet().requests();
            requests.reset();
            Map<String, Long> before = refreshCounts(run, workers);

            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> workers.stream()
                    .allMatch(worker -> run.count(worker, RefreshCompleted.class) >= before.get(worker) + 4));

            long refreshes = workers.stream()
                    .mapToLong(worker -> run.count(worker, RefreshCompleted.class) - before.get(worker)).sum();
            long describes = requests.count("DescribeInstances");
            long statusCalls = requests.count("DescribeInstanceStatus");
            long metricCalls = requests.count("GetMetricData");
            // Per worker, each refresh would cost one of each (the measured old engine: 0.7-1.0 DescribeInstances
            // and exactly 1 GetMetricData per refresh); one batch per slot costs 1/8 of a call per refresh here.
            assertThat(describes).as("DescribeInstances for %d refreshes", refreshes).isPositive()
                    .isLessThanOrEqualTo(refreshes / 3);
            assertThat(statusCalls).as("DescribeInstanceStatus for %d refreshes", refreshes)
                    .isLessThanOrEqualTo(refreshes / 3);
            assertThat(metricCalls).as("GetMetricData for %d refreshes", refreshes).isPositive()
                    .isLessThanOrEqualTo(refreshes / 3);
        }
    }

    @Test
    void aSampleIsRecordedOnlyWhenItMovedByTheConfiguredPoints() {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.refresh.telemetry-min-change-percent", "100",
                "cmlfleet.aws.metric-period", "1m",
                "cmlfleet.refresh.cpu-threshold-percent", "100",
                "cmlfleet.refresh.memory-threshold-percent", "100"))) {
            String worker = workerIds(run).get(0);
            run.awaitFullCycle(worker);
            // CloudWatch (and the simulator) has one datapoint per period: with a 1-minute period the next sample
            // is at most a minute away.
            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> telemetryDetails(run, worker).stream()
                    .anyMatch(detail -> detail.contains("points of the last recorded sample")));

            assertThat(telemetryDetails(run, worker)).anySatisfy(detail -> assertThat(detail)
                    .matches("cpu [0-9.]+ %, memory .*: within 100\\.0 points of the last recorded sample,"
                            + " not recorded"));
            assertThat(run.count(worker, TelemetryUpdated.class)).as("only the first sample").isEqualTo(1);
        }
    }

    private static List<String> telemetryDetails(SimulatedFleetRun run, String worker) {
        return run.events(worker).stream()
                .filter(RefreshCompleted.class::isInstance).map(RefreshCompleted.class::cast)
                .flatMap(completed -> completed.stages().stream())
                .filter(stage -> stage.stage() == RefreshStage.TELEMETRY && stage.detail() != null)
                .map(stage -> stage.detail()).toList();
    }

    private static List<String> workerIds(SimulatedFleetRun run) {
        return run.fleet().workers().stream().map(SimulatedFleetImporter::workerIdFor).toList();
    }

    private static Map<String, Long> refreshCounts(SimulatedFleetRun run, List<String> workers) {
        Map<String, Long> counts = new HashMap<>();
        workers.forEach(worker -> counts.put(worker, run.count(worker, RefreshCompleted.class)));
        return counts;
    }
}
