package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The demo: the service's simulated fleet with the demo's troubles (the defaults of {@code cmlfleet.simulator.*},
 * only the boot faster), and the console fleet report, which shows per worker its service (with why it is not
 * AVAILABLE), its labs by state and its licence state, including a licence whose authorization expired after a
 * failed renewal and a controller whose compute is not admitted.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoConsoleReportTest {

    private static final Pattern LABS = Pattern.compile(
            "Worker sim-i-[0-9a-f]+ RUNNING \\| service AVAILABLE \\| labs \\d+ \\((?:[A-Z_]+ \\d+(?:, )?)+\\) \\|");
    private static final Pattern EXPIRED_LICENCE = Pattern.compile("Worker sim-i-[0-9a-f]+ RUNNING \\| service"
            + " AVAILABLE \\| labs [^|]+ \\| licence registration COMPLETED, authorization IN_COMPLIANCE:"
            + " RENEWAL_FAILED, AUTHORIZATION_EXPIRED");
    private static final Pattern GOOD_LICENCE = Pattern.compile(
            "\\| licence registration COMPLETED, authorization IN_COMPLIANCE, no issue");
    private static final Pattern NOT_ADMITTED = Pattern.compile("Worker sim-i-[0-9a-f]+ RUNNING \\| service ERROR"
            + " \\(cannot run labs: compute cml-i-[0-9a-f]+: admission ONLINE, not READY\\) \\| labs none \\|");

    @TempDir
    Path dataDir;

    @Test
    void theConsoleReportShowsEachWorkersLabsLicenceAndWhyItsServiceIsNotAvailable(CapturedOutput output) {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.console.report-every", "1s",
                "cmlfleet.simulator.instances", "12",
                "cmlfleet.simulator.not-admitted-percent", "10",
                "cmlfleet.simulator.licence-expired-percent", "20"))) {
            await().atMost(SimulatedFleetRun.PATIENCE).untilAsserted(() -> {
                String out = output.getOut();
                assertThat(out).contains("Fleet: 12 workers");
                assertThat(out).containsPattern(LABS).containsPattern(EXPIRED_LICENCE).containsPattern(GOOD_LICENCE)
                        .containsPattern(NOT_ADMITTED);
            });
        }
    }
}
