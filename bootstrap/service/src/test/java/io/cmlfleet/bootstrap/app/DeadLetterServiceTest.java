package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.bootstrap.cli.CommandLineToolsTest;
import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A worker whose read model cannot be written (issue #10) in the running service, against the simulated fleet: its
 * summary says it is stale, health and the Prometheus gauge count it, the other workers' summaries go on; once the
 * cause is fixed an operator retries over HTTP and the summary is current again. With the service stopped, the CLI
 * lists, retries and evicts.
 *
 * <p>The poison is a real database refusal an operator can repair: a check constraint that the worker's row meets
 * now but no later update of it does.
 */
class DeadLetterServiceTest {

    private static final String ADMIN_KEY = "dead-letter-admin-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void aPoisonedWorkerIsVisibleRetriedOverHttpAndEvictedThroughTheCli() throws Exception {
        List<String> workers;
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.api.keys[0].name", "ops",
                "cmlfleet.api.keys[0].key", ADMIN_KEY,
                "cmlfleet.api.keys[0].role", "ADMIN"))) {
            workers = run.fleet().workers().stream().map(SimulatedFleetImporter::workerIdFor).toList();
            String poisoned = workers.get(0);
            String healthy = workers.get(1);
            run.awaitFullCycle(poisoned);
            run.awaitFullCycle(healthy);
            String base = "http://localhost:" + run.context.getEnvironment().getProperty("local.server.port");
            JdbcTemplate jdbc = run.context.getBean(JdbcTemplate.class);
            assertThat(get(base + "/api/v1/workers/" + poisoned).get("stale").asBoolean()).isFalse();

            Instant cutoff = poison(jdbc, "dl_poison_1", poisoned);
            JsonNode stale = await().atMost(SimulatedFleetRun.PATIENCE).until(
                    () -> get(base + "/api/v1/workers/" + poisoned), worker -> worker.get("stale").asBoolean());
            JsonNode letter = stale.get("deadLetters").get(0);
            assertThat(letter.get("processingGroup").asText()).isEqualTo("worker-summary");
            assertThat(letter.get("causeMessage").asText()).containsIgnoringCase("dl_poison_1");
            assertThat(letter.get("deadLetters").asLong()).isPositive();
            assertThat(Instant.parse(stale.get("updatedAt").asText())).isBeforeOrEqualTo(cutoff);

            // The other workers' summaries go on.
            await().atMost(SimulatedFleetRun.PATIENCE).until(() ->
                    Instant.parse(get(base + "/api/v1/workers/" + healthy).get("updatedAt").asText()).isAfter(cutoff));
            assertThat(get(base + "/api/v1/workers/" + healthy).get("stale").asBoolean()).isFalse();

            JsonNode projections = get(base + "/actuator/health").at("/components/cmlfleet/components/projections");
            assertThat(projections.get("status").asText()).isEqualTo("UP");
            assertThat(projections.at("/details/deadLetteredSequences/worker-summary").asLong()).isEqualTo(1);
            assertThat(projections.at("/details/staleWorkers").toString()).contains(poisoned);
            assertThat(text(base + "/actuator/prometheus"))
                    .containsPattern("cmlfleet_projections_dead_lettered_sequences\\{[^}]*group=\"worker-summary\""
                            + "[^}]*} 1\\.0")
                    .containsPattern("cmlfleet_projections_dead_lettered_sequences\\{[^}]*group=\"fleet-overview\""
                            + "[^}]*} 0\\.0");
            assertThat(get(base + "/api/v1/dead-letters").toString()).contains(poisoned, "worker-summary");

            // Retrying while the cause is still there keeps the sequence, with the cause.
            JsonNode failedAgain = post(base + "/api/v1/dead-letters/worker-summary/" + poisoned + "/retry", 200);
            assertThat(failedAgain.get("resolved").asBoolean()).isFalse();
            assertThat(failedAgain.at("/remaining/causeMessage").asText()).containsIgnoringCase("dl_poison_1");

            jdbc.execute("ALTER TABLE worker_summary DROP CONSTRAINT dl_poison_1");
            JsonNode retried = post(base + "/api/v1/dead-letters/worker-summary/" + poisoned + "/retry", 200);
            assertThat(retried.get("resolved").asBoolean()).isTrue();
            assertThat(retried.get("handled").asLong()).isPositive();
            assertThat(retried.get("rebuildNeeded").asBoolean()).isFalse();
            JsonNode current = get(base + "/api/v1/workers/" + poisoned);
            assertThat(current.get("stale").asBoolean()).isFalse();
            assertThat(current.get("deadLetters")).isEmpty();
            assertThat(Instant.parse(current.get("updatedAt").asText())).isAfter(cutoff);
            JsonNode unknown = post(base + "/api/v1/dead-letters/worker-summary/" + poisoned + "/retry", 404);
            assertThat(unknown.get("type").asText()).isEqualTo("urn:cmlfleet:problem:unknown-dead-letter-sequence");

            // Poisoned again, two workers this time, for the CLI.
            poison(jdbc, "dl_poison_2", workers.get(0), workers.get(1));
            for (String worker : List.of(workers.get(0), workers.get(1))) {
                await().atMost(SimulatedFleetRun.PATIENCE).until(() ->
                        get(base + "/api/v1/workers/" + worker).get("stale").asBoolean());
            }
        }

        // With the service stopped, the operator's CLI reads the same store.
        String store = "--data-dir=" + dataDir;
        CommandLineToolsTest.Result listed = CommandLineToolsTest.run(Map.of(), "dead-letters", store);
        assertThat(listed.exitCode()).isEqualTo(1);
        assertThat(listed.out()).contains("worker-summary", workers.get(0), workers.get(1), "DL_POISON_2");

        CommandLineToolsTest.Result stillFailing = CommandLineToolsTest.run(Map.of(), "dead-letters", "retry",
                "worker-summary", workers.get(0), store);
        assertThat(stillFailing.exitCode()).isEqualTo(1);
        assertThat(stillFailing.out()).contains("failed again", "DL_POISON_2");

        CommandLineToolsTest.Result evicted = CommandLineToolsTest.run(Map.of(), "dead-letters", "evict",
                "worker-summary", workers.get(1), store);
        assertThat(evicted.exitCode()).isEqualTo(0);
        assertThat(evicted.out()).contains("Evicted", workers.get(1));

        new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("cmlfleet")
                + ";IFEXISTS=TRUE", "sa", "")).execute("ALTER TABLE worker_summary DROP CONSTRAINT dl_poison_2");
        CommandLineToolsTest.Result retried = CommandLineToolsTest.run(Map.of(), "dead-letters", "retry",
                "worker-summary", workers.get(0), store);
        assertThat(retried.exitCode()).isEqualTo(0);
        assertThat(retried.out()).contains("sequence resolved");

        CommandLineToolsTest.Result empty = CommandLineToolsTest.run(Map.of(), "dead-letters", store);
        assertThat(empty.exitCode()).isEqualTo(0);
        assertThat(empty.out()).contains("0 dead-lettered sequence(s)");
        CommandLineToolsTest.Result wrongGroup = CommandLineToolsTest.run(Map.of(), "dead-letters", "evict",
                "summaries", workers.get(0), store);
        assertThat(wrongGroup.exitCode()).isEqualTo(2);
        assertThat(wrongGroup.err()).contains("unknown processing group 'summaries'", "worker-summary");
    }

    /** A constraint the workers' rows meet now and no later update of them does; returns the cut-off. */
    private static Instant poison(JdbcTemplate jdbc, String constraint, String... workerIds) {
        Instant cutoff = Instant.now();
        String ids = String.join(", ", java.util.Arrays.stream(workerIds).map(id -> "'" + id + "'").toList());
        jdbc.execute("ALTER TABLE worker_summary ADD CONSTRAINT " + constraint + " CHECK (worker_id NOT IN (" + ids
                + ") OR updated_at <= TIMESTAMP WITH TIME ZONE '"
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC).format(cutoff)
                + "')");
        return cutoff;
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url)).GET(), 200));
    }

    private static String text(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), 200);
    }

    private static JsonNode post(String url, int expectedStatus) throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()),
                expectedStatus));
    }

    private static String send(HttpRequest.Builder request, int expectedStatus)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.header("X-API-Key", ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(expectedStatus);
        return response.body();
    }
}
