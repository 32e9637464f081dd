package io.cmlfleet.bootstrap.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A host started with a cmlfleet setting it cannot use fails with Spring Boot's failure report naming the setting and
 * what is wrong with it, in a few lines and without a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class MisconfiguredHostTest {

    static final String BANNER = "APPLICATION FAILED TO START";

    @TempDir
    Path dataDir;

    @Test
    void aFastIntervalLongerThanTheNormalOneIsReportedWithBothValues(CapturedOutput output) {
        String report = failedStart(output, Map.of(
                "cmlfleet.monitoring.fast-interval", "10m", "cmlfleet.monitoring.normal-interval", "5m"));
        assertThat(report).contains("cmlfleet.monitoring.fast-interval (10m) must not be longer than "
                + "cmlfleet.monitoring.normal-interval (5m)");
    }

    @Test
    void tooFewDeadlineThreadsAreReportedWithWhereTheyWereSet(CapturedOutput output) {
        String report = failedStart(output, Map.of("cmlfleet.monitoring.deadline-threads", "0"));
        assertThat(report).contains("cmlfleet.monitoring.deadline-threads (0) must be at least 1")
                .contains("Correct cmlfleet.monitoring.deadline-threads");
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenIsReportedByItsPath(CapturedOutput output) throws IOException {
        // A file where a parent directory should be: unwritable even for root, unlike permission bits.
        Path blocker = Files.writeString(dataDir.resolve("a-file"), "not a directory");
        Path store = blocker.resolve("store");
        String report = failedStart(output, Map.of("cmlfleet.storage.data-dir", store.toString()));
        assertThat(report).contains("cmlfleet.storage.data-dir (" + store
                + "): the data directory is not writable: " + store);
    }

    /**
     * Axon Server mode with no database configured: Spring Boot would hand it an in-memory H2, and tokens, sagas and
     * deadlines would be gone after a restart. The start stops before Axon connects anywhere.
     */
    @Test
    void axonServerModeWithoutAPersistentDatabaseIsRefusedNamingTheModeAndTheFix(CapturedOutput output) {
        String report = failedStart(output, Map.of("cmlfleet.storage.mode", "axon-server",
                "axon.axonserver.servers", "127.0.0.1:1"));
        assertThat(report).contains("Invalid cmlfleet setting: cmlfleet.storage.mode=axon-server keeps tracking"
                        + " tokens, sagas, deadlines and read models in the database")
                .contains("the in-memory database jdbc:h2:mem:")
                .contains("no spring.datasource.url is set")
                .contains("Set spring.datasource.url")
                .contains("cmlfleet.storage.allow-in-memory-database=true");
    }

    /** Starts the host, expects it to fail, and returns the report from its banner on, checked to be short. */
    private String failedStart(CapturedOutput output, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(Map.of("cmlfleet.storage.data-dir", dataDir.toString()));
        properties.putAll(settings);
        assertThatThrownBy(() -> new SpringApplicationBuilder(HostApplication.class, FakeCloud.class)
                .properties(properties).run().close()).isNotNull();
        String all = output.getAll();
        assertThat(all).as("the failure analysis").contains(BANNER).doesNotContain("\tat ");
        String report = all.substring(all.indexOf(BANNER));
        assertThat(report.lines()).as("lines from the banner on").hasSizeLessThan(40);
        return report;
    }
}
