package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.adapters.aws.AwsAdapterSettings;
import io.cmlfleet.adapters.aws.AwsAdapters;
import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.NetworkAddressesChanged;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.simulator.RequestCounters;
import io.cmlfleet.simulator.SimulatedWorker;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refresh engine in the running service, against the simulated fleet: {@code cmlfleet.refresh.batch-window}
 * makes the workers of a slot share their AWS calls, and {@code cmlfleet.refresh.telemetry-min-change-percent}
 * decides which telemetry samples become events, {@code cmlfleet.refresh.shutdown-wait} bounds how long stopping
 * waits for refreshes in flight, and {@code cmlfleet.aws.description-max-age} lets steady refreshes skip
 * DescribeInstances.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefreshEngineServiceTest {

    private static final int WORKERS = 8;

    @TempDir
    Path dataDir;

    @Test
    void workersOfOneSlotShareTheirDescribeAndTelemetryCalls() {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.simulator.instances", String.valueOf(WORKERS),
                "cmlfleet.refresh.batch-window", "500ms",
                // Every batch describes its instances, so the count shows the batching, not the kept descriptions.
                "cmlfleet.aws.description-max-age", "0s"))) {
            List<String> workers = workerIds(run);
            RequestCounters requests = run.fleet().requests();
            Map<String, Long> before = countRequestsOverRefreshes(run, workers, 4);

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
            // The CML queries take the system information the health check read a moment before: one read per
            // refresh, not two (a refresh in flight at the counter's reset or at the end may count on one side).
            long information = requests.count("cml:GET /system_information");
            long health = requests.count("cml:GET /system_health");
            assertThat(requests.count("cml:GET /system_stats")).as("CML queried on %d refreshes", refreshes)
                    .isGreaterThanOrEqualTo(refreshes - WORKERS);
            assertThat(information).as("system_information for %d health checks", health)
                    .isBetween(health - WORKERS, health + WORKERS);
        }
    }

    @Test
    void keptDescriptionsLeaveARefreshOnlyItsStatusCallUntilTheStateChanges() {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.simulator.instances", String.valueOf(WORKERS)));
             AwsAdapters someoneElse = AwsAdapters.create(AwsAdapterSettings.defaults()
                     .withEndpointOverride(run.fleet().awsEndpoint())
                     .withCredentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("AKIASIMULATEDFLEET00", "simulated-secret"))))) {
            RequestCounters requests = run.fleet().requests();
            countRequestsOverRefreshes(run, workerIds(run), 3);
            long describesWhileSteady = requests.count("DescribeInstances");
            long statusCallsWhileSteady = requests.count("DescribeInstanceStatus");

            // Stopped from the EC2 console, say: cmlfleet learns it from the state DescribeInstanceStatus reports.
            SimulatedWorker stopped = run.fleet().workers().get(3);
            String stoppedWorker = SimulatedFleetImporter.workerIdFor(stopped);
            someoneElse.lifecycle().stop(stopped.region(), stopped.instanceId());

            // Stopped, it lost its public IP: only a fresh DescribeInstances can tell (the status call has no addresses).
            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> run.events(stoppedWorker).stream()
                    .filter(NetworkAddressesChanged.class::isInstance).map(NetworkAddressesChanged.class::cast)
                    .anyMatch(change -> change.publicIp() == null && change.previousPublicIp() != null));
            assertThat(describesWhileSteady).as("DescribeInstances while nothing changed (default max age 5 min)")
                    .isZero();
            assertThat(statusCallsWhileSteady).as("DescribeInstanceStatus while nothing changed").isPositive();
            assertThat(requests.count("DescribeInstances")).as("DescribeInstances once the state changed")
                    .isPositive();
            assertThat(run.events(stoppedWorker)).anySatisfy(event -> assertThat(event)
                    .isInstanceOfSatisfying(StatusChanged.class, change -> assertThat(change.to())
                            .isIn(WorkerStatus.STOPPING, WorkerStatus.STOPPED)));
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

    @Test
    void stoppingWaitsTheConfiguredShutdownWaitForRunningRefreshesAndNoLonger(CapturedOutput output) {
        SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.simulator.slow-percent", "100",
                "cmlfleet.refresh.shutdown-wait", "500ms"));
        try {
            // Every controller answers slower than the read timeout: a health check that started is still running.
            await().atMost(SimulatedFleetRun.PATIENCE)
                    .until(() -> output.getOut().contains("Performing CML service health check"));
        } finally {
            run.close();
        }
        assertThat(output.getOut()).contains("refresh(es) still running after PT0.5S; they are abandoned, not"
                + " interrupted, and run again after the restart");
    }

    @Test
    void aNodeKilledWhileItHeldDeadlinesRunsThemAsSoonAsItIsBack() throws Exception {
        Map<String, Object> node = Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.monitoring.deadline-scheduler-name", "node-a");
        List<String> workers;
        Map<String, Long> before;
        try (SimulatedFleetRun first = SimulatedFleetRun.start(node)) {
            workers = workerIds(first);
            workers.forEach(first::awaitFullCycle);
        }
        // As kill -9 in the instant a deadline fired leaves the table: every row picked by node-a, heartbeat fresh.
        try (java.sql.Connection store = java.sql.DriverManager.getConnection("jdbc:h2:file:"
                + dataDir.toAbsolutePath().resolve("cmlfleet") + ";IFEXISTS=TRUE", "sa", "");
             java.sql.PreparedStatement pick = store.prepareStatement("UPDATE scheduled_tasks SET picked = TRUE,"
                     + " picked_by = 'node-a', last_heartbeat = CURRENT_TIMESTAMP")) {
            assertThat(pick.executeUpdate()).as("deadline rows").isGreaterThanOrEqualTo(workers.size());
        }

        try (SimulatedFleetRun restarted = SimulatedFleetRun.start(node)) {
            before = refreshCounts(restarted, workers);
            // db-scheduler alone would wait for 6 missed heartbeats of 20 s (two minutes, beyond PATIENCE).
            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> workers.stream()
                    .allMatch(worker -> restarted.count(worker, RefreshCompleted.class) > before.get(worker)));
        }
    }

    /**
     * Once every worker went through a full cycle, counts the simulator's requests afresh until each worker
     * completed {@code refreshes} more refreshes; returns the refresh counts at the reset.
     */
    private static Map<String, Long> countRequestsOverRefreshes(SimulatedFleetRun run, List<String> workers,
                                                                 int refreshes) {
        workers.forEach(run::awaitFullCycle);
        run.fleet().requests().reset();
        Map<String, Long> before = refreshCounts(run, workers);
        await().atMost(SimulatedFleetRun.PATIENCE).until(() -> workers.stream()
                .allMatch(worker -> run.count(worker, RefreshCompleted.class) >= before.get(worker) + refreshes));
        return before;
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
