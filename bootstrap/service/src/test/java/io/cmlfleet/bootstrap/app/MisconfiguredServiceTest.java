package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The runnable service, started as an operator would with a setting it cannot use or a database it cannot reach:
 * a short failure report naming the setting or the database and the reason, no stack trace, no secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class MisconfiguredServiceTest {

    private static final String BANNER = "APPLICATION FAILED TO START";
    private static final String DB_PASSWORD = "s3cret-db-pw";

    @TempDir
    Path dataDir;

    @Test
    void anApiKeyWithoutItsKeyIsReportedByProperty(CapturedOutput output) {
        String report = failedStart(output, "--cmlfleet.api.keys[0].name=ops-dashboard");
        assertThat(report).contains("cmlfleet.api.keys[0].key must be set");
    }

    @Test
    void aDatabaseThatIsNotThereIsReportedByItsUrlWithoutThePassword(CapturedOutput output) {
        String report = failedStart(output, "--cmlfleet.storage.mode=postgresql",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/cmlfleet?password=" + DB_PASSWORD,
                "--spring.datasource.username=cmlfleet", "--spring.datasource.password=" + DB_PASSWORD);
        assertThat(report).contains("Cannot connect to the database at "
                + "jdbc:postgresql://127.0.0.1:1/cmlfleet?password=***").contains("refused");
        assertThat(output.getAll()).doesNotContain(DB_PASSWORD);
    }

    @Test
    void aLoginTheDatabaseRefusesIsReportedByUser(CapturedOutput output) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String report = failedStart(output, "--cmlfleet.storage.mode=postgresql",
                    "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    "--spring.datasource.username=nobody", "--spring.datasource.password=" + DB_PASSWORD);
            assertThat(report).contains("Login failed for user nobody at the database jdbc:postgresql://");
            assertThat(output.getAll()).doesNotContain(DB_PASSWORD);
        }
    }

    @Test
    void axonServerModeWithoutADatabaseIsRefusedBeforeMonitoringStarts(CapturedOutput output) {
        String report = failedStart(output, "--cmlfleet.storage.mode=axon-server",
                "--axon.axonserver.servers=127.0.0.1:1");
        assertThat(report).contains("cmlfleet.storage.mode=axon-server keeps tracking tokens, sagas, deadlines and"
                + " read models in the database").contains("no spring.datasource.url is set");
    }

    @Test
    void anEndpointOverrideTheSimulatorReplacesIsRefused(CapturedOutput output) {
        String report = failedStart(output, "--cmlfleet.aws.endpoint-override=https://ec2.eu-west-1.amazonaws.com");
        assertThat(report).contains("Invalid cmlfleet setting: cmlfleet.aws.endpoint-override cannot take effect"
                + " while cmlfleet.simulator.enabled=true").contains("set cmlfleet.simulator.enabled=false");
        assertThat(output.getAll()).as("refused before the simulated fleet starts")
                .doesNotContain("SIMULATED FLEET:");
    }

    @Test
    void staticAwsKeysTheSimulatorReplacesAreRefusedWithoutTheSecret(CapturedOutput output) {
        String report = failedStart(output, "--cmlfleet.aws.access-key-id=AKIAOPERATORKEY00000",
                "--cmlfleet.aws.secret-access-key=" + DB_PASSWORD);
        assertThat(report).contains("cmlfleet.aws.access-key-id/secret-access-key cannot take effect while"
                + " cmlfleet.simulator.enabled=true");
        assertThat(output.getAll()).doesNotContain(DB_PASSWORD);
    }

    /** Starts the service as the cmlfleet script does, expects it to fail, returns the checked short report. */
    @Test
    void aDatabasePoolSmallerThanTheNodeUsesAtOnceIsRefusedWithItsBreakdown(CapturedOutput output) {
        String report = failedStart(output, "--spring.datasource.hikari.maximum-pool-size=10",
                "--cmlfleet.refresh.parallelism=12");
        assertThat(report).contains("Invalid cmlfleet setting: spring.datasource.hikari.maximum-pool-size (10) is"
                + " below the 32 connections this node uses at once in embedded mode: 7 tracking processors + 5"
                + " deadline threads and their poller (cmlfleet.monitoring.deadline-threads) + 12 refresh threads"
                + " sending commands (cmlfleet.refresh.parallelism) + 4 lab listing threads sending commands"
                + " (cmlfleet.monitoring.lab-listing-parallelism) + 4 for the HTTP API and health checks; raise it"
                + " to at least 32");
    }

    @Test
    void axonServerModeWithFewerCommandThreadsThanRefreshThreadsIsRefused(CapturedOutput output) {
        String report = failedStart(output, "--cmlfleet.storage.mode=axon-server",
                "--axon.axonserver.servers=127.0.0.1:1", "--axon.axonserver.command-threads=4",
                "--cmlfleet.storage.allow-in-memory-database=true");
        assertThat(report).contains("axon.axonserver.command-threads (4) must be at least"
                + " cmlfleet.refresh.parallelism (8) + 2");
    }

    private String failedStart(CapturedOutput output, String... settings) {
        String[] args = Stream.concat(Stream.of("--spring.config.name=cmlfleet-app", "--server.port=0",
                "--cmlfleet.storage.data-dir=" + dataDir, "--cmlfleet.simulator.import-at-start=false"),
                Stream.of(settings)).toArray(String[]::new);
        assertThatThrownBy(() -> new SpringApplicationBuilder(CmlfleetApplication.class).run(args).close())
                .isNotNull();
        String all = output.getAll();
        assertThat(all).as("the failure analysis").contains(BANNER).doesNotContain("\tat ");
        String report = all.substring(all.indexOf(BANNER));
        assertThat(report.lines()).as("lines from the banner on").hasSizeLessThan(40);
        return report;
    }
}
