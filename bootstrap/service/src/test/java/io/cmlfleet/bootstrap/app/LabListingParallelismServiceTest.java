package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.event.LabInventoryChanged;
import io.cmlfleet.simulator.SimulatedWorker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cmlfleet.monitoring.lab-listing-parallelism} in the running service: a lab listing round lists that many
 * slow controllers at once, and never more. One at a time, a round over 10,000 workers outlasted its interval
 * more than five times.
 */
class LabListingParallelismServiceTest {

    private static final int PARALLELISM = 3;
    /** Only the lab listing asks for single labs; the refresh lists them with {@code GET /labs}. */
    private static final String LAB_DETAILS = "cml:GET /labs/{id}";

    @TempDir
    Path dataDir;

    @Test
    void aRoundListsAsManySlowControllersAtOnceAsConfiguredAndNoMore() {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.simulator.instances", "8",
                // Every controller answers each call after 2 s: listings in flight overlap for seconds.
                "cmlfleet.simulator.slow-percent", "100",
                "cmlfleet.monitoring.lab-listing-parallelism", String.valueOf(PARALLELISM)))) {
            List<String> withLabs = run.fleet().workers().stream()
                    .filter(worker -> !worker.traits().labNodeCounts().isEmpty())
                    .map(SimulatedFleetImporter::workerIdFor).toList();
            assertThat(withLabs).as("simulated workers with labs").hasSizeGreaterThanOrEqualTo(2);

            await().atMost(SimulatedFleetRun.PATIENCE).until(() ->
                    run.fleet().requests().mostInFlight(LAB_DETAILS) >= 2
                            && withLabs.stream().allMatch(worker -> run.count(worker, LabInventoryChanged.class) > 0));

            assertThat(run.fleet().requests().mostInFlight(LAB_DETAILS)).as("lab details asked at once")
                    .isBetween(2, PARALLELISM);
        }
    }
}
