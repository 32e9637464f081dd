package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.bootstrap.app.ApiCalls.Answer;
import io.cmlfleet.bootstrap.cli.CommandLineToolsTest;
import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.LabAction;
import io.cmlfleet.domain.worker.LabOutcome;
import io.cmlfleet.domain.worker.event.LabActionRecorded;
import io.cmlfleet.domain.worker.event.LabInventoryChanged;
import io.cmlfleet.domain.worker.event.LicenceStateChanged;
import io.cmlfleet.domain.worker.LicenceIssue;
import io.cmlfleet.simulator.SimulatedWorker;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labs end to end: the running service, its HTTP API, the real CML adapter over HTTPS to the simulated controllers'
 * lab state machine, the worker's events, the worker-labs read model and the timeline.
 */
class LabsServiceTest {

    private static final String ADMIN_KEY = "labs-admin-key-0123456789";
    private static final String READER_KEY = "labs-reader-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPOLOGY = "lab:\n  title: ospf\n  version: 0.2.2\nnodes:\n"
            + "  - id: n0\n    label: r1\n    node_definition: iosv\n"
            + "  - id: n1\n    label: r2\n    node_definition: iosv\nlinks: []\n";

    @TempDir
    Path dataDir;

    private ApiCalls api;
    private int port;

    @Test
    void labsAreListedAndEveryActionIsPerformedOnCmlAndRecordedWithWhoAndWhy() throws Exception {
        String worker;
        String seededLab;
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.api.keys[0].name", "ops-admin", "cmlfleet.api.keys[0].key", ADMIN_KEY,
                "cmlfleet.api.keys[0].role", "ADMIN",
                "cmlfleet.api.keys[1].name", "dashboard", "cmlfleet.api.keys[1].key", READER_KEY,
                "cmlfleet.api.keys[1].role", "READ_ONLY"))) {
            port = Integer.parseInt(run.context.getEnvironment().getProperty("local.server.port"));
            SimulatedWorker seeded = run.fleet().workers().stream()
                    .filter(w -> !w.traits().labNodeCounts().isEmpty()).findFirst().orElseThrow();
            worker = SimulatedFleetImporter.workerIdFor(seeded);
            run.awaitFullCycle(worker);
            String labs = "/api/v1/workers/" + worker + "/labs";

            // The periodic listing fills the read model with the controller's own labs.
            await().atMost(SimulatedFleetRun.PATIENCE).untilAsserted(() ->
                    assertThat(call("GET", labs, null, READER_KEY).json().path("labs").size())
                            .isEqualTo(seeded.traits().labNodeCounts().size()));
            assertThat(run.count(worker, LabInventoryChanged.class)).isPositive();

            // Import, then the lab's whole life through the API.
            Answer imported = call("POST", labs, JSON.writeValueAsString(Map.of("title", "OSPF area 0",
                    "topology", TOPOLOGY, "reason", "class of 14:00")), ADMIN_KEY);
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            String lab = imported.json().path("labId").asText();
            assertThat(imported.json().path("lab").path("state").asText()).isEqualTo("DEFINED_ON_CORE");
            assertThat(imported.json().path("lab").path("nodeCount").asInt()).isEqualTo(2);

            Answer started = call("POST", labs + "/" + lab + "/start", "{\"reason\":\"class starts\"}", ADMIN_KEY);
            assertThat(started.json().path("lab").path("state").asText()).as(started.body()).isEqualTo("STARTED");

            Answer wipeWhileStarted = call("POST", labs + "/" + lab + "/wipe", null, ADMIN_KEY);
            assertThat(wipeWhileStarted.status()).isEqualTo(409);
            assertThat(wipeWhileStarted.body()).contains("CML wipes a lab only when it is stopped");

            Answer deleteWhileStarted = call("DELETE", labs + "/" + lab, null, ADMIN_KEY);
            assertThat(deleteWhileStarted.status()).isEqualTo(409);
            assertThat(deleteWhileStarted.json().path("type").asText()).isEqualTo("urn:cmlfleet:problem:cml-rejected");
            assertThat(deleteWhileStarted.json().path("detail").asText()).contains("stop it before deleting it");

            assertThat(call("POST", labs + "/" + lab + "/stop", "{\"reason\":\"end of class\"}", READER_KEY)
                    .status()).isEqualTo(403);
            Answer stopped = call("POST", labs + "/" + lab + "/stop", "{\"reason\":\"end of class\"}", ADMIN_KEY);
            assertThat(stopped.json().path("lab").path("state").asText()).isEqualTo("STOPPED");
            Answer wiped = call("POST", labs + "/" + lab + "/wipe", null, ADMIN_KEY);
            assertThat(wiped.json().path("lab").path("state").asText()).isEqualTo("DEFINED_ON_CORE");

            assertThat(call("GET", labs + "/" + lab + "/topology", null, READER_KEY).status()).isEqualTo(403);
            Answer topology = call("GET", labs + "/" + lab + "/topology", null, ADMIN_KEY);
            assertThat(topology.status()).isEqualTo(200);
            assertThat(topology.body()).isEqualTo(TOPOLOGY);

            await().atMost(SimulatedFleetRun.PATIENCE).untilAsserted(() -> {
                JsonNode row = labRow(call("GET", labs, null, READER_KEY).json(), lab);
                assertThat(row.path("state").asText()).isEqualTo("DEFINED_ON_CORE");
                assertThat(row.path("title").asText()).isEqualTo("OSPF area 0");
                assertThat(row.path("lastAction").asText()).isEqualTo("DOWNLOAD");
                assertThat(row.path("lastActionBy").asText()).isEqualTo("ops-admin");
            });

            Answer deleted = call("DELETE", labs + "/" + lab + "?reason=" + URLEncoder.encode("course over",
                    StandardCharsets.UTF_8), null, ADMIN_KEY);
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
            await().atMost(SimulatedFleetRun.PATIENCE).untilAsserted(() ->
                    assertThat(labRow(call("GET", labs, null, READER_KEY).json(), lab).isMissingNode()).isTrue());

            // The worker's history: who, why and how each action ended; the refused wipe left no trace.
            List<LabActionRecorded> recorded = run.events(worker).stream()
                    .filter(LabActionRecorded.class::isInstance).map(LabActionRecorded.class::cast).toList();
            assertThat(recorded).extracting(LabActionRecorded::action).containsExactly(LabAction.IMPORT,
                    LabAction.START, LabAction.DELETE, LabAction.STOP, LabAction.WIPE, LabAction.DOWNLOAD,
                    LabAction.DELETE);
            assertThat(recorded).extracting(LabActionRecorded::requestedBy).containsOnly("ops-admin");
            assertThat(recorded.get(2).outcome()).isEqualTo(LabOutcome.FAILED);
            assertThat(recorded.get(2).errorCode()).isEqualTo("REJECTED");
            assertThat(recorded.get(3).reason()).isEqualTo("end of class");
            assertThat(recorded.get(6).labTitle()).isEqualTo("OSPF area 0");

            String timeline = call("GET", "/api/v1/workers/" + worker + "/timeline", null, READER_KEY).body();
            assertThat(timeline).contains("lab 'OSPF area 0' " + lab + " stopped by ops-admin: end of class; now"
                    + " STOPPED", "lab 'OSPF area 0' " + lab + " delete by ops-admin failed: REJECTED",
                    "labs listed: ");

            // The CLI acts through the same API, as the key's name.
            seededLab = call("GET", labs, null, READER_KEY).json().path("labs").get(0).path("labId").asText();
            CommandLineToolsTest.Result cli = CommandLineToolsTest.run(Map.of("CMLFLEET_API_KEY", ADMIN_KEY),
                    "lab", "stop", worker, seededLab, "--reason", "from the cli", "--api", "http://localhost:" + port);
            assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
            assertThat(run.events(worker).stream().filter(LabActionRecorded.class::isInstance).toList()).last()
                    .isInstanceOfSatisfying(LabActionRecorded.class, e -> {
                assertThat(e.action()).isEqualTo(LabAction.STOP);
                assertThat(e.reason()).isEqualTo("from the cli");
                assertThat(e.outcome()).isEqualTo(LabOutcome.SUCCEEDED);
            });
            await().atMost(SimulatedFleetRun.PATIENCE).untilAsserted(() -> assertThat(labRow(
                    call("GET", labs, null, READER_KEY).json(), seededLab).path("lastAction").asText())
                    .isEqualTo("STOP"));
        }
        // With the service stopped, the CLI reads the labs from the store.
        CommandLineToolsTest.Result listed = CommandLineToolsTest.run(Map.of(), "labs", worker,
                "--data-dir=" + dataDir);
        assertThat(listed.out()).contains(seededLab, "STOPPED", "STOP SUCCEEDED by ops-admin");
    }

    @Test
    void unknownWorkersAndMalformedLabIdsAreRefusedWithoutCallingCml() throws Exception {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                // The simulated authorization expires in 80 days: within this horizon, an issue.
                "cmlfleet.cml.licence-expiry-horizon", "100d",
                "cmlfleet.api.keys[0].name", "ops-admin", "cmlfleet.api.keys[0].key", ADMIN_KEY,
                "cmlfleet.api.keys[0].role", "ADMIN"))) {
            port = Integer.parseInt(run.context.getEnvironment().getProperty("local.server.port"));
            String worker = SimulatedFleetImporter.workerIdFor(run.fleet().workers().get(0));
            run.awaitFullCycle(worker);

            Answer unknown = call("GET", "/api/v1/workers/nobody/labs", null, ADMIN_KEY);
            Answer badId = call("POST", "/api/v1/workers/" + worker + "/labs/-bad-/start", null, ADMIN_KEY);
            Answer noTopology = call("POST", "/api/v1/workers/" + worker + "/labs", "{\"title\":\"x\"}", ADMIN_KEY);

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(badId.status()).isEqualTo(400);
            assertThat(badId.json().path("field").asText()).isEqualTo("labId");
            assertThat(noTopology.status()).isEqualTo(400);
            assertThat(noTopology.json().path("detail").asText()).startsWith("Invalid topology:");
            assertThat(run.count(worker, LabActionRecorded.class)).isZero();
            assertThat(run.fleet().requests().count("cml:PUT /labs/{id}/start")).isZero();

            // The same round reads the whole licence and records what needs attention, with the configured horizon.
            String licensed = run.fleet().workers().stream().filter(w -> !w.traits().unlicensed())
                    .map(SimulatedFleetImporter::workerIdFor).findFirst().orElseThrow();
            run.awaitFullCycle(licensed);
            await().atMost(SimulatedFleetRun.PATIENCE).untilAsserted(() -> assertThat(run.events(licensed))
                    .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(LicenceStateChanged.class, licence -> {
                        assertThat(licence.horizon()).isEqualTo(100);
                        assertThat(licence.licence().virtualAccount()).isEqualTo("Simulated Virtual Account");
                        assertThat(licence.licence().authorizationRenewal().status()).isEqualTo("SUCCEEDED");
                        assertThat(licence.issues()).extracting(LicenceIssue::kind)
                                .containsExactly(LicenceIssue.Kind.AUTHORIZATION_EXPIRING);
                    })));
            assertThat(call("GET", "/api/v1/workers/" + licensed + "/timeline", null, ADMIN_KEY).body())
                    .contains("licence COMPLETED/IN_COMPLIANCE CML_Enterprise; 1 issue: AUTHORIZATION_EXPIRING");
        }
    }

    private static JsonNode labRow(JsonNode listing, String labId) {
        for (JsonNode row : listing.path("labs")) {
            if (row.path("labId").asText().equals(labId)) {
                return row;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private Answer call(String method, String path, String body, String key) throws Exception {
        if (api == null || api.port() != port) {
            api = new ApiCalls(port);
        }
        return api.call(method, path, body, key);
    }
}
