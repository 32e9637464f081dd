package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.StageResult;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.simulator.SimulatedWorker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A CML controller that answers but cannot run labs, end to end: the simulated controller's compute is not admitted
 * ({@code admission_state: ONLINE} in {@code system_health}, over HTTPS), the worker's service becomes ERROR with that
 * reason in its events, its HTTP worker view, its timeline and its gate explanation; the refresh gate then skips the
 * CML API calls; once an administrator admits the compute (READY), the worker is AVAILABLE again.
 */
@ExtendWith(OutputCaptureExtension.class)
class ControllerReadinessServiceTest {

    private static final String KEY = "readiness-reader-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    @Test
    void aControllerWhoseComputeIsNotAdmittedIsErrorWithTheReasonSkipsTheCmlApiAndRecoversOnceReady(
            CapturedOutput output) throws Exception {
        String password;
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.simulator.instances", "2",
                "cmlfleet.simulator.not-admitted-percent", "100",
                "cmlfleet.api.keys[0].name", "dashboard", "cmlfleet.api.keys[0].key", KEY,
                "cmlfleet.api.keys[0].role", "READ_ONLY"))) {
            port = Integer.parseInt(run.context.getEnvironment().getProperty("local.server.port"));
            password = run.fleet().cmlPassword();
            SimulatedWorker simulated = run.fleet().workers().get(0);
            String worker = SimulatedFleetImporter.workerIdFor(simulated);
            String blocker = "compute cml-" + simulated.instanceId() + ": admission ONLINE, not READY";
            String reason = "cannot run labs: " + blocker;

            await().atMost(SimulatedFleetRun.PATIENCE).untilAsserted(() -> assertThat(run.events(worker))
                    .anySatisfy(e -> {
                        assertThat(e).isInstanceOf(ServiceHealthEvaluated.class);
                        ServiceHealthEvaluated health = (ServiceHealthEvaluated) e;
                        assertThat(health.newStatus()).isEqualTo(CmlServiceStatus.ERROR);
                        assertThat(health.valid()).as("CML itself says valid").isTrue();
                        assertThat(health.blockers()).containsExactly(blocker);
                        assertThat(health.error()).isEqualTo(reason);
                    }));
            // The refresh after that gate decision skipped every CML API stage, and said why.
            await().atMost(SimulatedFleetRun.PATIENCE).untilAsserted(() -> assertThat(run.events(worker))
                    .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(RefreshCompleted.class, done ->
                            assertThat(done.stages()).anySatisfy(stage -> {
                                assertThat(stage.stage()).isEqualTo(RefreshStage.CML_STATS);
                                assertThat(stage.result()).isEqualTo(StageResult.SKIPPED);
                                assertThat(stage.detail()).isEqualTo("CML service is ERROR, not AVAILABLE: " + reason);
                            }))));
            assertThat(run.fleet().requests().count("cml:GET /system_stats")).as("no worker can run labs").isZero();
            assertThat(run.fleet().requests().count("cml:GET /diagnostics/node_launch_queue")).isPositive();

            JsonNode view = get("/api/v1/workers/" + worker);
            assertThat(view.path("serviceStatus").asText()).isEqualTo("ERROR");
            assertThat(view.path("serviceReason").asText()).isEqualTo(reason);
            String timeline = getText("/api/v1/workers/" + worker + "/timeline");
            assertThat(timeline).containsPattern("ServiceHealthEvaluated +service UNAVAILABLE → ERROR \\(.*"
                            + java.util.regex.Pattern.quote(reason) + "\\)")
                    .contains("CML query skipped: CML service is ERROR, not AVAILABLE: " + reason);
            assertThat(getText("/api/v1/workers/" + worker + "/state?at=" + java.time.Instant.now()))
                    .contains("CML service is ERROR, not AVAILABLE: " + reason);

            // An administrator admits the compute: the next health check finds a controller that can run labs.
            run.fleet().setComputeAdmission(simulated.instanceId(), "READY");

            await().atMost(SimulatedFleetRun.PATIENCE).untilAsserted(() -> {
                JsonNode recovered = get("/api/v1/workers/" + worker);
                assertThat(recovered.path("serviceStatus").asText()).isEqualTo("AVAILABLE");
                assertThat(recovered.path("serviceReason").isNull()).isTrue();
                assertThat(recovered.path("cmlVersion").asText()).as("the CML API is called again").isNotEmpty();
            });
            assertThat(run.events(worker)).filteredOn(ServiceHealthEvaluated.class::isInstance)
                    .last().satisfies(e -> assertThat(((ServiceHealthEvaluated) e).blockers()).isEmpty());
            // The other worker's compute stays not admitted.
            String other = SimulatedFleetImporter.workerIdFor(run.fleet().workers().get(1));
            await().atMost(SimulatedFleetRun.PATIENCE).untilAsserted(() ->
                    assertThat(get("/api/v1/workers/" + other).path("serviceStatus").asText()).isEqualTo("ERROR"));
        }
        assertThat(output.getOut()).as("the CML password is never logged").doesNotContain(password);
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(getText(path));
    }

    private String getText(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
