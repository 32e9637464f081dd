package io.cmlfleet.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.bootstrap.api.ApiClient.Answer;
import io.cmlfleet.bootstrap.host.HostApplication;
import io.cmlfleet.bootstrap.host.FakeCloud;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The HTTP API of a host application running the whole library on H2 with in-memory EC2, CloudWatch and CML,
 * called over real HTTP. Monitoring intervals are long so that only the test's own requests refresh workers.
 */
@SpringBootTest(classes = {HostApplication.class, HttpApiTest.Ports.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
// Closed after the class: its H2 file lives in a temp dir deleted then.
@DirtiesContext
class HttpApiTest {

    static final String ADMIN_KEY = "admin-key-4f7d1c2b9e8a6f5d3c1b";
    static final String READER_KEY = "reader-key-9a8b7c6d5e4f3a2b1c0d";
    static final String ALICE_PASSWORD = "alice-pw-77e1a9c3b5d2f4e6";
    static final String REGION = "eu-west-1";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hostProperties(registry, dataDir);
        registry.add("cmlfleet.refresh.on-demand-min-interval", () -> "0s");
    }

    /**
     * A test host on H2 in the directory, with monitoring intervals so long that only the test's requests refresh,
     * the two keys (ADMIN and READ_ONLY) and the basic user alice (ADMIN).
     */
    static void hostProperties(DynamicPropertyRegistry registry, Path store) {
        registry.add("cmlfleet.storage.data-dir", store::toString);
        registry.add("cmlfleet.monitoring.fast-interval", () -> "2h");
        registry.add("cmlfleet.monitoring.normal-interval", () -> "4h");
        registry.add("cmlfleet.api.keys[0].name", () -> "ops-admin");
        registry.add("cmlfleet.api.keys[0].key", () -> ADMIN_KEY);
        registry.add("cmlfleet.api.keys[0].role", () -> "ADMIN");
        registry.add("cmlfleet.api.keys[1].name", () -> "dashboard");
        registry.add("cmlfleet.api.keys[1].key", () -> READER_KEY);
        registry.add("cmlfleet.api.keys[1].role", () -> "READ_ONLY");
        registry.add("cmlfleet.api.users[0].name", () -> "alice");
        registry.add("cmlfleet.api.users[0].password", () -> ALICE_PASSWORD);
        registry.add("cmlfleet.api.users[0].role", () -> "ADMIN");
    }

    @TestConfiguration
    static class Ports {
        @Bean
        @Primary
        FakeCloud fakeCloud() {
            return new FakeCloud();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    FakeCloud cloud;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, List.of(ADMIN_KEY, READER_KEY, ALICE_PASSWORD));
    }

    private Answer asAdmin(String method, String path, String body) {
        return api.send(method, path, body, "X-API-Key", ADMIN_KEY);
    }

    private Answer asReader(String method, String path) {
        return api.send(method, path, null, "X-API-Key", READER_KEY);
    }

    private static String importBody(String workerId, String instanceId) {
        return """
                {"workerId":"%s","name":"worker %s","region":"%s","instanceId":"%s"}"""
                .formatted(workerId, workerId, REGION, instanceId);
    }

    /** Imports a running instance and waits for the read model to show it. */
    private void importRunning(String workerId, String instanceId) {
        cloud.addRunningInstance(instanceId);
        Answer imported = asAdmin("POST", "/api/v1/workers/import", importBody(workerId, instanceId));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> asReader("GET", "/api/v1/workers/" + workerId).status() == 200);
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        assertThat(answer.json().path("title").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    // --- authentication and roles --------------------------------------------------------------------------

    @Test
    void withoutCredentialsEveryApiRequestIs401() {
        Answer answer = api.send("GET", "/api/v1/workers", null);
        assertProblem(answer, 401);
        assertThat(answer.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
        assertProblem(api.send("POST", "/api/v1/workers/import", importBody("anon-1", "i-0123456789abcdef0")), 401);
    }

    @Test
    void aWrongKeyOrPasswordIs401() {
        assertProblem(api.send("GET", "/api/v1/workers", null, "X-API-Key", ADMIN_KEY + "x"), 401);
        assertProblem(api.send("GET", "/api/v1/workers", null, "Authorization",
                ApiClient.basic("alice", "wrong-password")), 401);
        assertProblem(api.send("GET", "/api/v1/workers", null, "Authorization",
                ApiClient.basic("mallory", ALICE_PASSWORD)), 401);
    }

    @Test
    void basicUsersAndKeysAreAccepted() {
        assertThat(api.send("GET", "/api/v1/workers", null, "Authorization",
                ApiClient.basic("alice", ALICE_PASSWORD)).status()).isEqualTo(200);
        assertThat(asReader("GET", "/api/v1/workers").status()).isEqualTo(200);
    }

    @Test
    void aReadOnlyCallerMayNotChangeAnything() {
        cloud.addRunningInstance("i-0aaaaaaaaaaaaaaa1");
        Answer answer = api.send("POST", "/api/v1/workers/import", importBody("ro-1", "i-0aaaaaaaaaaaaaaa1"),
                "X-API-Key", READER_KEY);
        assertProblem(answer, 403);
        assertProblem(api.send("POST", "/api/v1/workers/ro-1/stop", null, "X-API-Key", READER_KEY), 403);
        assertThat(asReader("GET", "/api/v1/workers/ro-1").status()).isEqualTo(404);
    }

    // --- problem details -----------------------------------------------------------------------------------

    @Test
    void beanValidationNamesTheMissingFields() {
        Answer answer = asAdmin("POST", "/api/v1/workers/import", """
                {"workerId":"bv-1","region":"eu-west-1"}""");
        assertProblem(answer, 400);
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("name", "instanceId");
    }

    @Test
    void domainValidationNamesTheField() {
        Answer answer = asAdmin("POST", "/api/v1/workers/import", importBody("dv-1", "i-xyz"));
        assertProblem(answer, 400);
        assertThat(answer.json().path("field").asText()).isEqualTo("instanceId");
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("instanceId");
        assertThat(answer.json().path("detail").asText()).startsWith("Invalid instanceId");
    }

    // --- the exact value is validated, and the JSON is strict ------------------------------------------------

    private static void assertRejectedField(Answer answer, String field) {
        assertProblem(answer, 400);
        assertThat(answer.json().path("field").asText()).isEqualTo(field);
        assertThat(answer.json().path("detail").asText()).startsWith("Invalid " + field);
    }

    @Test
    void aRegionWithATrailingCrLfIsRefusedNotTrimmed() {
        cloud.addRunningInstance("i-0eeeeeeeeeeeeee01");
        Answer answer = asAdmin("POST", "/api/v1/workers/import", """
                {"workerId":"crlf-1","name":"crlf","region":"eu-west-1\\r\\n","instanceId":"i-0eeeeeeeeeeeeee01"}""");
        assertRejectedField(answer, "region");
        assertThat(answer.body()).doesNotContain("\r").doesNotContain("\\r");
        assertProblem(asReader("GET", "/api/v1/workers/crlf-1"), 404);
    }

    @Test
    void anEndpointPortOutOfRangeOrAnOverlongEndpointIsRefused() {
        importRunning("ep-limits-1", "i-0ddddddddddddddd2");
        assertRejectedField(asAdmin("PUT", "/api/v1/workers/ep-limits-1/endpoint", """
                {"endpoint":"https://cml-1.example.net:99999"}"""), "endpoint");
        String endpoint513 = "https://cml-1.example.net/" + "p".repeat(513 - "https://cml-1.example.net/".length());
        assertRejectedField(asAdmin("PUT", "/api/v1/workers/ep-limits-1/endpoint",
                "{\"endpoint\":\"" + endpoint513 + "\"}"), "endpoint");
        String endpoint512 = endpoint513.substring(0, 512);
        Answer longest = asAdmin("PUT", "/api/v1/workers/ep-limits-1/endpoint", "{\"endpoint\":\"" + endpoint512 + "\"}");
        assertThat(longest.status()).as(longest.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                endpoint512.equals(asReader("GET", "/api/v1/workers/ep-limits-1").json().path("endpoint").asText()));
    }

    @Test
    void aJsonNumberOrBooleanIsNotCoercedIntoAStringId() {
        cloud.addRunningInstance("i-0eeeeeeeeeeeeee02");
        Answer number = asAdmin("POST", "/api/v1/workers/import", """
                {"workerId":12345,"name":"n","region":"eu-west-1","instanceId":"i-0eeeeeeeeeeeeee02"}""");
        assertRejectedField(number, "workerId");
        assertThat(number.json().path("detail").asText()).isEqualTo("Invalid workerId must be a JSON string");
        assertRejectedField(asAdmin("POST", "/api/v1/workers/import", """
                {"workerId":"coerce-1","name":true,"region":"eu-west-1","instanceId":"i-0eeeeeeeeeeeeee02"}"""), "name");
        assertProblem(asReader("GET", "/api/v1/workers/12345"), 404);
    }

    @Test
    void trailingDataAfterTheJsonBodyAndMalformedJsonAreRefused() {
        cloud.addRunningInstance("i-0eeeeeeeeeeeeee03");
        Answer trailing = asAdmin("POST", "/api/v1/workers/import",
                importBody("trailing-1", "i-0eeeeeeeeeeeeee03") + " {\"workerId\":\"other\"}");
        assertRejectedField(trailing, "request");
        assertRejectedField(asAdmin("POST", "/api/v1/workers/import", importBody("trailing-1", "i-0eeeeeeeeeeeeee03")
                + "garbage"), "request");
        assertRejectedField(asAdmin("POST", "/api/v1/workers/import", "{\"workerId\":"), "request");
        assertProblem(asReader("GET", "/api/v1/workers/trailing-1"), 404);
        // Found by HttpApiFuzzTest: a key given twice answered 500 (a record's creator property assigned twice).
        importRunning("twice-key-1", "i-0eeeeeeeeeeeeee04");
        assertRejectedField(asAdmin("PUT", "/api/v1/workers/twice-key-1/endpoint",
                "{\"endpoint\":\"https://198.51.100.7\",\"endpoint\":\"eu-west-1\"}"), "request");
    }

    @Test
    void badLaunchFieldsAreRefusedBeforeAnyAwsCall() {
        List<String> callsBefore = cloud.lifecycleCalls();
        String body = """
                {"workerId":"prov-bad-1","name":"p","region":"eu-west-1","amiId":"ami-12345678",
                 "instanceType":"c5.2xlarge",%s}""";
        assertRejectedField(asAdmin("POST", "/api/v1/workers", body.formatted("\"subnetId\":\"subnet-1\"")),
                "subnetId");
        assertRejectedField(asAdmin("POST", "/api/v1/workers", body.formatted(
                "\"securityGroupIds\":[\"sg-0123abcd\",\"sg-0123abcd\"]")), "securityGroupIds");
        assertRejectedField(asAdmin("POST", "/api/v1/workers", body.formatted("\"keyName\":\" ops\"")), "keyName");
        assertThat(cloud.lifecycleCalls()).isEqualTo(callsBefore);
        assertProblem(asReader("GET", "/api/v1/workers/prov-bad-1"), 404);
    }

    @Test
    void badQueryParametersAre400WithTheParameterName() {
        Answer badStatus = asReader("GET", "/api/v1/workers?status=SLEEPING");
        assertProblem(badStatus, 400);
        assertThat(badStatus.json().path("field").asText()).isEqualTo("status");
        Answer badSize = asReader("GET", "/api/v1/workers?size=0");
        assertProblem(badSize, 400);
        assertThat(badSize.json().path("field").asText()).isEqualTo("size");
    }

    @Test
    void anInstanceEc2DoesNotKnowIs422() {
        Answer answer = asAdmin("POST", "/api/v1/workers/import", importBody("ghost-1", "i-0fffffffffffffff0"));
        assertProblem(answer, 422);
        assertThat(answer.json().path("kind").asText()).isEqualTo("UNKNOWN_INSTANCE");
        assertThat(answer.json().path("field").asText()).isEqualTo("instanceId");
    }

    @Test
    void unknownWorkersAre404() {
        assertProblem(asReader("GET", "/api/v1/workers/no-such-worker"), 404);
        assertProblem(asReader("GET", "/api/v1/workers/by-instance/i-0eeeeeeeeeeeeeee0"), 404);
        assertProblem(asReader("GET", "/api/v1/workers/no-such-worker/telemetry"), 404);
        assertProblem(asAdmin("POST", "/api/v1/workers/no-such-worker/refresh", null), 404);
        assertProblem(asAdmin("POST", "/api/v1/workers/no-such-worker/stop", null), 404);
        Answer endpoint = asAdmin("PUT", "/api/v1/workers/no-such-worker/endpoint", """
                {"endpoint":"https://10.1.2.3"}""");
        assertProblem(endpoint, 404);
    }

    @Test
    void startingARunningWorkerIs409() {
        importRunning("conflict-1", "i-0bbbbbbbbbbbbbbb1");
        Answer answer = asAdmin("POST", "/api/v1/workers/conflict-1/start", null);
        assertProblem(answer, 409);
        assertThat(answer.json().path("workerId").asText()).isEqualTo("conflict-1");
        assertThat(cloud.lifecycleCalls()).doesNotContain("start i-0bbbbbbbbbbbbbbb1");
    }

    @Test
    void importingTheSameWorkerIdTwiceIs409() {
        importRunning("twice-1", "i-0bbbbbbbbbbbbbbb2");
        assertProblem(asAdmin("POST", "/api/v1/workers/import", importBody("twice-1", "i-0bbbbbbbbbbbbbbb2")), 409);
    }

    @Test
    void ec2FailuresAre503Or502ByKind() {
        importRunning("down-1", "i-0bbbbbbbbbbbbbbb3");
        cloud.failLifecycleCallsOf("i-0bbbbbbbbbbbbbbb3", CloudAccessException.Kind.UNREACHABLE);
        Answer unreachable = asAdmin("POST", "/api/v1/workers/down-1/stop", null);
        assertProblem(unreachable, 503);
        assertThat(unreachable.json().path("kind").asText()).isEqualTo("UNREACHABLE");
        assertThat(unreachable.json().path("operation").asText()).isEqualTo("stop");

        cloud.failLifecycleCallsOf("i-0bbbbbbbbbbbbbbb3", CloudAccessException.Kind.THROTTLED);
        Answer throttled = asAdmin("POST", "/api/v1/workers/down-1/stop", null);
        assertProblem(throttled, 503);
        assertThat(throttled.raw().headers().firstValue("Retry-After")).isPresent();

        cloud.failLifecycleCallsOf("i-0bbbbbbbbbbbbbbb3", CloudAccessException.Kind.ACCESS_DENIED);
        assertProblem(asAdmin("POST", "/api/v1/workers/down-1/stop", null), 502);
        assertThat(cloud.stateOf("i-0bbbbbbbbbbbbbbb3")).isEqualTo("running");
    }

    // --- happy paths -----------------------------------------------------------------------------------------

    @Test
    void provisionLaunchesAnInstanceAndRegistersIt() {
        Answer answer = api.send("POST", "/api/v1/workers", """
                {"workerId":"prov-1","name":"provisioned","region":"eu-west-1","amiId":"ami-12345678",
                 "instanceType":"c5.2xlarge","tags":{"team":"netops"}}""",
                "Authorization", ApiClient.basic("alice", ALICE_PASSWORD));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String instanceId = answer.json().path("instanceId").asText();
        assertThat(instanceId).startsWith("i-");
        assertThat(answer.raw().headers().firstValue("Location")).hasValue("/api/v1/workers/prov-1");
        assertThat(cloud.lifecycleCalls()).contains("launch " + instanceId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer worker = asReader("GET", "/api/v1/workers/by-instance/" + instanceId);
            assertThat(worker.status()).isEqualTo(200);
            assertThat(worker.json().path("workerId").asText()).isEqualTo("prov-1");
        });
    }

    @Test
    void importListGetRefreshTelemetryOverviewAndLifecycle() {
        importRunning("life-1", "i-0ccccccccccccccc1");

        JsonNode list = asReader("GET", "/api/v1/workers?region=eu-west-1&size=500").json();
        List<String> ids = new ArrayList<>();
        list.path("workers").forEach(worker -> ids.add(worker.path("workerId").asText()));
        assertThat(ids).contains("life-1");
        assertThat(list.path("totalCount").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(list.path("size").asInt()).isEqualTo(500);

        Answer byInstance = asReader("GET", "/api/v1/workers/by-instance/i-0ccccccccccccccc1");
        assertThat(byInstance.json().path("workerId").asText()).isEqualTo("life-1");

        Answer refresh = asAdmin("POST", "/api/v1/workers/life-1/refresh", null);
        assertThat(refresh.status()).as(refresh.body()).isEqualTo(200);
        assertThat(refresh.json().path("workerId").asText()).isEqualTo("life-1");
        assertThat(refresh.json().path("performed").asBoolean()).as(refresh.body()).isTrue();
        assertThat(refresh.json().has("skippedBecause")).isTrue();
        assertThat(refresh.json().path("stages").size()).isGreaterThan(0);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode worker = asReader("GET", "/api/v1/workers/life-1").json();
            assertThat(worker.path("serviceStatus").asText()).isEqualTo("AVAILABLE");
            assertThat(worker.path("lastRefreshTrigger").asText()).isEqualTo("ON_DEMAND");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer telemetry = asReader("GET", "/api/v1/workers/life-1/telemetry");
            assertThat(telemetry.status()).isEqualTo(200);
            assertThat(telemetry.json().path("points").size()).isGreaterThan(0);
            assertThat(telemetry.json().path("points").get(0).path("cpuPercent").asDouble()).isEqualTo(12.5);
        });
        Answer emptyWindow = asReader("GET",
                "/api/v1/workers/life-1/telemetry?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z");
        assertThat(emptyWindow.json().path("points").size()).isZero();
        Answer reversed = asReader("GET",
                "/api/v1/workers/life-1/telemetry?from=2020-01-02T00:00:00Z&to=2020-01-01T00:00:00Z");
        assertProblem(reversed, 400);
        assertThat(reversed.json().path("field").asText()).isEqualTo("from");

        JsonNode overview = asReader("GET", "/api/v1/fleet/overview?region=eu-west-1").json();
        assertThat(overview.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(overview.path("totals").path("totalWorkers").asLong()).isGreaterThanOrEqualTo(1);

        Answer stop = asAdmin("POST", "/api/v1/workers/life-1/stop", """
                {"reason":"maintenance window"}""");
        assertThat(stop.status()).as(stop.body()).isEqualTo(202);
        assertThat(stop.json().path("requestedBy").asText()).isEqualTo("ops-admin");
        assertThat(cloud.stateOf("i-0ccccccccccccccc1")).isEqualTo("stopped");
        assertThat(asAdmin("POST", "/api/v1/workers/life-1/refresh", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                asReader("GET", "/api/v1/workers/life-1").json().path("status").asText().equals("STOPPED"));

        assertThat(asAdmin("POST", "/api/v1/workers/life-1/start", null).status()).isEqualTo(202);
        assertThat(cloud.stateOf("i-0ccccccccccccccc1")).isEqualTo("running");
        assertThat(asAdmin("POST", "/api/v1/workers/life-1/terminate", null).status()).isEqualTo(202);
        assertThat(cloud.stateOf("i-0ccccccccccccccc1")).isEqualTo("terminated");
        assertThat(cloud.lifecycleCalls()).containsSubsequence("stop i-0ccccccccccccccc1",
                "start i-0ccccccccccccccc1", "terminate i-0ccccccccccccccc1");
    }

    @Test
    void endpointsAreSetAndClearedByHand() {
        importRunning("ep-1", "i-0ddddddddddddddd1");
        Answer set = asAdmin("PUT", "/api/v1/workers/ep-1/endpoint", """
                {"endpoint":"https://cml-1.example.net"}""");
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode worker = asReader("GET", "/api/v1/workers/ep-1").json();
            assertThat(worker.path("endpoint").asText()).isEqualTo("https://cml-1.example.net");
            assertThat(worker.path("endpointSource").asText()).isEqualTo("MANUAL");
        });
        Answer notHttps = asAdmin("PUT", "/api/v1/workers/ep-1/endpoint", """
                {"endpoint":"http://cml-1.example.net"}""");
        assertProblem(notHttps, 400);
        assertThat(notHttps.json().path("field").asText()).isEqualTo("endpoint");
        Answer blank = asAdmin("PUT", "/api/v1/workers/ep-1/endpoint", "{}");
        assertProblem(blank, 400);
        assertThat(blank.json().path("field").asText()).isEqualTo("endpoint");

        assertThat(asAdmin("DELETE", "/api/v1/workers/ep-1/endpoint?reason=decommissioned", null).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                asReader("GET", "/api/v1/workers/ep-1").json().path("endpoint").isNull());
    }

    @Test
    void noSecretIsLogged(CapturedOutput output) {
        String presentedWrongKey = "wrong-key-presented-5e1f0c";
        assertProblem(api.send("GET", "/api/v1/workers", null, "X-API-Key", presentedWrongKey), 401);
        assertProblem(api.send("GET", "/api/v1/workers", null, "Authorization",
                ApiClient.basic("alice", presentedWrongKey)), 401);
        assertThat(asAdmin("GET", "/api/v1/workers", null).status()).isEqualTo(200);
        assertThat(output.getAll()).contains("Tomcat started on port")
                .doesNotContain(ADMIN_KEY).doesNotContain(READER_KEY).doesNotContain(ALICE_PASSWORD)
                .doesNotContain(presentedWrongKey);
    }

    // --- health, metrics, OpenAPI --------------------------------------------------------------------------

    @Test
    void healthIsAnonymousButItsDetailsNeedCredentials() {
        Answer anonymous = api.send("GET", "/actuator/health", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
        assertThat(api.send("GET", "/actuator/health/liveness", null).status()).isEqualTo(200);

        importRunning("health-1", "i-0eeeeeeeeeeeeeee1");
        asAdmin("POST", "/api/v1/workers/health-1/refresh", null);
        JsonNode cmlfleet = asReader("GET", "/actuator/health").json().path("components").path("cmlfleet");
        JsonNode components = cmlfleet.path("components");
        assertThat(components.path("eventStore").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("eventStore").path("details").path("headPosition").asLong()).isPositive();
        assertThat(components.path("deadlines").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("deadlines").path("details").path("scheduler").asText()).isEqualTo("polling");
        assertThat(components.path("aws").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("aws").path("details").path("ec2").path("lastOutcome").asText())
                .isNotBlank();
        assertThat(components.path("cml").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("cml").path("details").path("controllersReachable").asLong()).isPositive();
    }

    @Test
    void prometheusNeedsReadOnlyAndShowsCmlfleetMetrics() {
        importRunning("metrics-1", "i-0fffffffffffffff1");
        assertThat(asAdmin("POST", "/api/v1/workers/metrics-1/refresh", null).status()).isEqualTo(200);

        assertProblem(api.send("GET", "/actuator/prometheus", null), 401);
        Answer scrape = asReader("GET", "/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("cmlfleet_refresh_duration_seconds_count{result=\"performed\",trigger=\"ON_DEMAND\"}")
                .contains("cmlfleet_external_calls_total{operation=\"evaluateHealth\",outcome=\"success\","
                        + "service=\"cml\"}")
                .contains("service=\"ec2\"")
                .contains("service=\"cloudwatch\"")
                .contains("cmlfleet_events_appended_total{type=\"WorkerCreated\"}")
                .contains("cmlfleet_sagas_active");
    }

    @Test
    void otherActuatorEndpointsNeedAdmin() {
        assertProblem(asReader("GET", "/actuator/info"), 403);
        assertThat(asAdmin("GET", "/actuator/info", null).status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDescriptionDeclaresTheSecuritySchemes() {
        assertProblem(api.send("GET", "/v3/api-docs", null), 401);
        Answer docs = asReader("GET", "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode openApi = docs.json();
        assertThat(openApi.path("paths").has("/api/v1/workers")).isTrue();
        assertThat(openApi.path("paths").has("/api/v1/workers/{workerId}/refresh")).isTrue();
        assertThat(openApi.path("paths").has("/api/v1/fleet/overview")).isTrue();
        JsonNode schemes = openApi.path("components").path("securitySchemes");
        assertThat(schemes.path("apiKey").path("name").asText()).isEqualTo("X-API-Key");
        assertThat(schemes.path("apiKey").path("in").asText()).isEqualTo("header");
        assertThat(schemes.path("basic").path("scheme").asText()).isEqualTo("basic");
    }

    // --- forensics and projection rebuild -------------------------------------------------------------------

    @Test
    void theForensicQuestionsAreAnsweredOverHttpInEachFormat() {
        importRunning("forensic-1", "i-0f0e0d0c0b0a09081");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                asReader("GET", "/api/v1/workers/forensic-1/timeline").body().contains("(ec2: running)"));

        Answer text = asReader("GET", "/api/v1/workers/forensic-1/timeline");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.body()).contains("WorkerCreated", "→ RUNNING (ec2: running)");
        Answer csv = asReader("GET", "/api/v1/workers/forensic-1/timeline?format=csv&types=StatusChanged");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("StatusChanged").doesNotContain("WorkerCreated");
        Answer state = asReader("GET", "/api/v1/workers/forensic-1/state?at=" + java.time.Instant.now()
                + "&format=json-lines");
        assertThat(state.status()).as(state.body()).isEqualTo(200);
        assertThat(state.body()).contains("RUNNING");
        assertThat(asReader("GET", "/api/v1/workers/forensic-1/findings?format=markdown").body()).contains("#");
        Answer fleet = asReader("GET", "/api/v1/fleet/timeline?from=" + java.time.Instant.now().minusSeconds(600));
        assertThat(fleet.body()).contains("forensic-1");
    }

    @Test
    void theStateOfAWorkerWithNoHistoryIs404AndABadFormatIs400() {
        assertProblem(asReader("GET", "/api/v1/workers/nobody/state?at=" + java.time.Instant.now()), 404);
        assertProblem(asReader("GET", "/api/v1/workers/nobody/timeline?format=pdf"), 400);
    }

    @Test
    void anAdminRebuildsAProjectionAndTheRowsComeBack() {
        importRunning("rebuild-1", "i-0a1b2c3d4e5f60718");
        assertProblem(api.send("POST", "/api/v1/projections/worker-summary/rebuild", null, "X-API-Key",
                READER_KEY), 403);

        Answer rebuilt = asAdmin("POST", "/api/v1/projections/worker-summary/rebuild", null);

        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().path("caughtUp").asBoolean()).isTrue();
        assertThat(asReader("GET", "/api/v1/workers/rebuild-1").status()).isEqualTo(200);
        assertProblem(asAdmin("POST", "/api/v1/projections/no-such-group/rebuild", null), 400);
    }
}
