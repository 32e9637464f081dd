package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Property-based fuzzing of the HTTP API of the running service against the simulated fleet (issue #10): for
 * generated requests ({@link FuzzedRequests}: known and unknown paths under {@code /api/v1}, methods, query
 * parameters, JSON bodies mixing valid fields with hostile values; as ADMIN, as READ_ONLY and anonymous) the service
 * never answers 5xx, every 4xx is {@code application/problem+json} with a {@code type}, a {@code title} and the
 * status, no body carries a stack trace or a configured secret, and a rejected request appends nothing to the event
 * store. Cadences are a day long, so nothing but the fuzzed requests appends events while the property runs.
 */
class HttpApiFuzzTest {

    static final String ADMIN_KEY = "fuzz-admin-key-6c2e8a4f1b3d5e7a";
    static final String READER_KEY = "fuzz-reader-key-1a3c5e7b9d2f4a6c";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path dataDir;
    private static SimulatedFleetRun run;
    private static String base;
    private static JdbcTemplate jdbc;
    private static String knownWorker;
    private static String watchedInstance;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeContainer
    static void startService() throws IOException {
        dataDir = Files.createTempDirectory("http-fuzz");
        run = SimulatedFleetRun.start(Map.ofEntries(
                Map.entry("cmlfleet.storage.data-dir", dataDir.toString()),
                Map.entry("cmlfleet.simulator.instances", "2"),
                Map.entry("cmlfleet.monitoring.fast-interval", "24h"),
                Map.entry("cmlfleet.monitoring.normal-interval", "48h"),
                Map.entry("cmlfleet.api.keys[0].name", "fuzz-admin"),
                Map.entry("cmlfleet.api.keys[0].key", ADMIN_KEY),
                Map.entry("cmlfleet.api.keys[0].role", "ADMIN"),
                Map.entry("cmlfleet.api.keys[1].name", "fuzz-reader"),
                Map.entry("cmlfleet.api.keys[1].key", READER_KEY),
                Map.entry("cmlfleet.api.keys[1].role", "READ_ONLY")));
        base = "http://localhost:" + ((WebServerApplicationContext) run.context).getWebServer().getPort();
        jdbc = new JdbcTemplate(run.context.getBean(DataSource.class));
        knownWorker = SimulatedFleetImporter.workerIdFor(run.fleet().workers().get(0));
        watchedInstance = run.fleet().workers().get(1).instanceId();
    }

    @AfterContainer
    static void stopService() {
        if (run != null) {
            run.close();
        }
    }

    @Property(tries = 250, maxDiscardRatio = 2)
    void noRequestGetsA5xxAndEveryErrorIsAProblemThatStoresNothing(
            @ForAll("requests") FuzzedRequests.Request request) throws Exception {
        long before = lastEventIndex();
        HttpResponse<String> response = send(request);

        int status = response.statusCode();
        String body = response.body();
        String described = request + " -> " + status + " " + body;
        Statistics.label("status").collect(status);
        assertThat(status).as(described).isBetween(200, 499);
        assertThat(body).as(described).doesNotContain(ADMIN_KEY).doesNotContain(READER_KEY)
                .doesNotContain(run.fleet().cmlPassword()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(response.headers().map().toString()).as(described).doesNotContain(ADMIN_KEY)
                .doesNotContain(READER_KEY);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).as(described)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(body);
            assertThat(problem.path("type").asText()).as(described).startsWith("urn:cmlfleet:problem:");
            assertThat(problem.path("title").asText()).as(described).isNotBlank();
            assertThat(problem.path("status").asInt()).as(described).isEqualTo(status);
            List<String> appended = appendedSince(before);
            if (problem.path("type").asText().equals("urn:cmlfleet:problem:cloud-rejected-request")) {
                // The action passed cmlfleet's checks and was recorded; AWS refused it, and that is recorded too.
                assertThat(appended).as(described).containsExactly("cmlfleet.worker.LifecycleActionRequested",
                        "cmlfleet.worker.LifecycleActionFailed");
            } else {
                assertThat(appended).as("events appended by a rejected request: " + described).isEmpty();
            }
        }
    }

    /** Found by the property: EC2's IncorrectInstanceState answered 502, as if AWS had failed. */
    @Example
    void stoppingAWorkerWhoseInstanceShutsDownIsA422ThatRecordsTheAttempt() throws Exception {
        String provision = """
                {"workerId":"w-stop-after-terminate","name":"n","region":"eu-west-1","amiId":"ami-0123456789abcdef0",\
                "instanceType":"c5.2xlarge"}""";
        assertThat(send(admin("POST", "/api/v1/workers", provision)).statusCode()).isEqualTo(201);
        assertThat(send(admin("POST", "/api/v1/workers/w-stop-after-terminate/terminate", null)).statusCode())
                .isEqualTo(202);
        long before = lastEventIndex();

        HttpResponse<String> stop = send(admin("POST", "/api/v1/workers/w-stop-after-terminate/stop", null));

        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(stop.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:cmlfleet:problem:cloud-rejected-request");
        assertThat(problem.path("detail").asText()).contains("IncorrectInstanceState");
        assertThat(appendedSince(before)).containsExactly(
                "cmlfleet.worker.LifecycleActionRequested", "cmlfleet.worker.LifecycleActionFailed");
    }

    private static FuzzedRequests.Request admin(String method, String path, String body) {
        return new FuzzedRequests.Request(FuzzedRequests.Caller.ADMIN, method, path, body);
    }

    @Provide
    Arbitrary<FuzzedRequests.Request> requests() {
        return FuzzedRequests.requests(knownWorker, watchedInstance);
    }

    private HttpResponse<String> send(FuzzedRequests.Request request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        switch (request.caller()) {
            case ADMIN -> builder.header("X-API-Key", ADMIN_KEY);
            case READ_ONLY -> builder.header("X-API-Key", READER_KEY);
            case ANONYMOUS -> { }
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> appendedSince(long index) {
        return jdbc.queryForList("SELECT payloadType FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex",
                String.class, index);
    }

    private static long lastEventIndex() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(globalIndex), -1) FROM DomainEventEntry", Long.class);
    }
}
