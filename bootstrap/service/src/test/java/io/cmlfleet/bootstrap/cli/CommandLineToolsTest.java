package io.cmlfleet.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.simulator.FleetProfile;
import io.cmlfleet.simulator.SimulatedFleet;
import io.cmlfleet.simulator.SimulatedWorker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator commands, run as the jar runs them, against a simulated controller on loopback. */
public class CommandLineToolsTest {

    private static SimulatedFleet fleet;
    private static SimulatedWorker worker;

    @BeforeAll
    static void startFleet() {
        fleet = SimulatedFleet.create(FleetProfile.builder().instances(1).noTroubles()
                .pendingDuration(Duration.ZERO).cmlBootDelay(Duration.ZERO, Duration.ZERO).build()).start();
        worker = fleet.workers().get(0);
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    @Test
    void probeReportsAnAvailableControllerAndTheGateDecision(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), fleet.certificatePem());

        Result result = run(Map.of("CMLFLEET_CML_PASSWORD", fleet.cmlPassword()), "probe",
                "https://" + worker.address(), "--port", String.valueOf(fleet.cmlPort()), "--ca-bundle", ca.toString(),
                "--user", fleet.cmlUsername());

        assertThat(result.exitCode).isZero();
        assertThat(result.out).contains("health:      AVAILABLE", "information: CmlSystemInformation[version=",
                "health check: runs", "CML API:      queried");
        assertThat(result.out).doesNotContain(fleet.cmlPassword());
    }

    @Test
    void probeWithAnUntrustedCertificateSaysWhyTheCmlApiWouldNotBeQueried() {
        Result result = run(Map.of("CMLFLEET_CML_PASSWORD", fleet.cmlPassword()), "probe",
                "https://" + worker.address(), "--port", String.valueOf(fleet.cmlPort()));

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.out).contains("health:      UNAVAILABLE",
                "CML API:      skipped - CML service is UNAVAILABLE, not AVAILABLE");
    }

    @Test
    void aWrongCommandLineIsAUsageErrorNamingWhatWasWrong() {
        Result result = run(Map.of(), "probe", "http://cml.example.com");

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains("Invalid endpoint: must use https", "usage: probe");
    }

    /** Before the fuzzing of issue #10 these escaped as NumberFormatException and InvalidPathException. */
    @Test
    void aPortOrPathTheCommandCannotUseIsAUsageError() {
        Result port = run(Map.of(), "probe", "https://127.0.0.1", "--port", "https");
        assertThat(port.exitCode).as(port.err).isEqualTo(2);
        assertThat(port.err).startsWith("probe: --port must be a whole number from 1 to 65535 (got 'https')\n");

        assertThat(run(Map.of(), "probe", "https://127.0.0.1", "--port", "99999").err)
                .startsWith("probe: --port must be a whole number from 1 to 65535 (got '99999')");

        Result dataDir = run(Map.of(), "timeline", "w-1", "--data-dir", "a\u0000b");
        assertThat(dataDir.exitCode).as(dataDir.err).isEqualTo(2);
        assertThat(dataDir.err).startsWith("timeline: --data-dir is not a usable path (got 'a\\u0000b'");

        Result caBundle = run(Map.of(), "probe", "https://127.0.0.1", "--ca-bundle", "a\u0000b");
        assertThat(caBundle.exitCode).as(caBundle.err).isEqualTo(2);
        assertThat(caBundle.err).startsWith("probe: --ca-bundle is not a usable path");
    }

    /** Found by {@link CommandLineFuzzTest}: dead-letters let the store's exception out, stack trace and all. */
    @Test
    void deadLettersOnAMissingStoreIsOneLineAndExitThree(@TempDir Path empty) {
        Result result = run(Map.of(), "dead-letters", "--data-dir", empty.toString());

        assertThat(result.exitCode).as(result.err).isEqualTo(3);
        assertThat(result.err.split("\n")).hasSize(1);
        assertThat(result.err).startsWith("dead-letters: cannot read the database jdbc:h2:file:");
    }

    /** Before the fuzzing of issue #10 an argument's newline or escape reached the terminal raw. */
    @Test
    void aUsageErrorIsOneLineWhateverTheArgumentsHold() {
        Result result = run(Map.of(), "timeline", "--evil\nforged: line\u001b[2J");

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err.split("\n")).hasSize(2);
        assertThat(result.err).startsWith("timeline: option --evil\\nforged: line\\u001b[2J needs a value\n")
                .doesNotContain("\u001b");
    }

    @Test
    void helpListsEveryCommand() {
        Result result = run(Map.of(), "help");

        assertThat(result.exitCode).isZero();
        assertThat(result.out).contains("probe", "workers", "timeline", "fleet-timeline", "state-at", "findings");
    }

    public static Result run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CommandLineTools.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public record Result(int exitCode, String out, String err) {
    }
}
