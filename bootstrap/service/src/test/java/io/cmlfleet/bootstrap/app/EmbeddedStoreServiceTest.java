package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.simulator.SimulatedWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import io.cmlfleet.bootstrap.cli.CommandLineToolsTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as an operator runs it, on the embedded H2 file store: a full monitoring cycle against the simulated
 * fleet; then it is stopped, started again on the same store, and carries on with the same workers.
 */
class EmbeddedStoreServiceTest {

    @TempDir
    Path dataDir;

    @Test
    void monitorsTheFleetAndCarriesOnAfterARestartOnTheSameStore() {
        Map<String, Object> store = Map.of("cmlfleet.storage.data-dir", dataDir.toString());
        List<String> workerIds;
        long refreshesBeforeRestart;
        java.time.Instant availableAt;
        try (SimulatedFleetRun first = SimulatedFleetRun.start(store)) {
            workerIds = first.fleet().workers().stream().map(SimulatedFleetImporter::workerIdFor).toList();
            assertThat(workerIds).hasSize(4);
            workerIds.forEach(first::awaitFullCycle);
            refreshesBeforeRestart = first.count(workerIds.get(0), RefreshCompleted.class);
            availableAt = java.time.Instant.now();
        }
        assertThat(Files.exists(dataDir.resolve("cmlfleet.mv.db"))).isTrue();

        try (SimulatedFleetRun second = SimulatedFleetRun.start(store)) {
            // Same seed, same instances: nothing is imported twice, and monitoring resumes from the durable deadlines.
            for (SimulatedWorker worker : second.fleet().workers()) {
                assertThat(second.count(SimulatedFleetImporter.workerIdFor(worker), WorkerCreated.class)).isEqualTo(1);
            }
            await().atMost(SimulatedFleetRun.PATIENCE).until(() ->
                    second.count(workerIds.get(0), RefreshCompleted.class) > refreshesBeforeRestart + 2);
        }

        // With the service stopped, the operator's commands read the same store. (The restarted simulator boots its
        // instances again, so the workers are PENDING now; at availableAt they were RUNNING and AVAILABLE.)
        String worker = workerIds.get(0);
        String dataDirOption = "--data-dir=" + dataDir;
        assertThat(CommandLineToolsTest.run(Map.of(), "workers", dataDirOption).out())
                .contains(worker, "STATUS", "SERVICE", "4 worker(s)");
        assertThat(CommandLineToolsTest.run(Map.of(), "timeline", worker, dataDirOption).out())
                .contains("WorkerCreated", "→ RUNNING (ec2: running)", "service UNAVAILABLE → AVAILABLE");
        assertThat(CommandLineToolsTest.run(Map.of(), "findings", worker, dataDirOption, "--fast=1s", "--normal=2s").out())
                .contains(worker);
        assertThat(CommandLineToolsTest.run(Map.of(), "state-at", worker, availableAt.toString(), dataDirOption)
                .out()).contains("RUNNING", "AVAILABLE");
        assertThat(CommandLineToolsTest.run(Map.of(), "timeline", worker, dataDirOption, "--format=csv").out().lines()
                .findFirst()).hasValueSatisfying(header -> assertThat(header).contains("type"));
    }
}
