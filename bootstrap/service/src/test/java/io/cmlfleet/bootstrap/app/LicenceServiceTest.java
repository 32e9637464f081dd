package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmlfleet.bootstrap.app.ApiCalls.Answer;
import io.cmlfleet.bootstrap.cli.CommandLineToolsTest;
import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.LicenceOperation;
import io.cmlfleet.domain.worker.LicenceOperationOutcome;
import io.cmlfleet.domain.worker.event.LicenceOperationFinished;
import io.cmlfleet.domain.worker.event.LicenceOperationRequested;
import io.cmlfleet.domain.worker.event.LicenceStateChanged;
import io.cmlfleet.simulator.SimulatedLicensing;
import io.cmlfleet.simulator.SimulatedWorker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Licence operations end to end: the running service, its HTTP API and CLI, the real CML adapter over HTTPS to the
 * simulated controllers' licensing state machine, the worker's events, the timeline and the findings; and the
 * registration token nowhere but in the request that carries it to CML.
 */
@ExtendWith(OutputCaptureExtension.class)
class LicenceServiceTest {

    private static final String ADMIN_KEY = "licence-admin-key-0123456789";
    private static final String READER_KEY = "licence-reader-key-0123456789";
    private static final String TOKEN = "ZmRkNTc1NWUtSECRET-TOKEN-0f8a4d6c-1681999999999-reg";
    private static final String SLOW_TOKEN = "slow-SECRET-TOKEN-77c1e0a9b5";
    private static final String INVALID_TOKEN = "invalid-SECRET-TOKEN-41aa90d2";
    private static final List<String> SECRETS = List.of(TOKEN, SLOW_TOKEN, INVALID_TOKEN);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURE = Path.of("../../../shared/fixtures/cml/licensing.json");

    @TempDir
    Path dataDir;

    private ApiCalls api;
    /** CLI output; the API's answers are kept by {@link ApiCalls}. */
    private final List<String> responses = new ArrayList<>();
    private int port;

    @Test
    void licencesAreRegisteredRenewedAndDeregisteredOnCmlAndRecordedWithoutTheToken(CapturedOutput output)
            throws Exception {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.simulator.unlicensed-percent", "0",
                "cmlfleet.cml.licence-operation-timeout", "600ms",
                "cmlfleet.cml.licence-operation-poll-interval", "50ms",
                "cmlfleet.api.keys[0].name", "ops-admin", "cmlfleet.api.keys[0].key", ADMIN_KEY,
                "cmlfleet.api.keys[0].role", "ADMIN",
                "cmlfleet.api.keys[1].name", "dashboard", "cmlfleet.api.keys[1].key", READER_KEY,
                "cmlfleet.api.keys[1].role", "READ_ONLY"))) {
            port = Integer.parseInt(run.context.getEnvironment().getProperty("local.server.port"));
            List<SimulatedWorker> workers = run.fleet().workers();
            SimulatedWorker first = workers.get(0);
            String worker = SimulatedFleetImporter.workerIdFor(first);
            SimulatedLicensing licensing = run.fleet().licensing(first.instanceId());
            run.awaitFullCycle(worker);
            String licence = "/api/v1/workers/" + worker + "/licence";

            // The licence as the lab listing's round checked it.
            await().atMost(SimulatedFleetRun.PATIENCE).untilAsserted(() -> assertThat(
                    call("GET", licence, null, READER_KEY).json().path("licence").path("registrationStatus")
                            .asText()).isEqualTo("COMPLETED"));

            // Deregister: CML answers 204, then 200 with a status text after a new registration.
            Answer deregistered = call("DELETE", licence + "/registration?reason=moving%20account", null, ADMIN_KEY);
            assertThat(deregistered.status()).as(deregistered.body()).isEqualTo(200);
            assertThat(deregistered.json().path("outcome").asText()).isEqualTo("SUCCEEDED");
            assertThat(deregistered.json().path("registrationStatus").asText()).isEqualTo("NOT_REGISTERED");
            assertThat(licensing.registrationStatus()).isEqualTo("NOT_REGISTERED");

            assertThat(call("POST", licence + "/registration", body(TOKEN, false), READER_KEY).status())
                    .isEqualTo(403);
            Answer registered = call("POST", licence + "/registration", body(TOKEN, false), ADMIN_KEY);
            assertThat(registered.json().path("outcome").asText()).as(registered.body()).isEqualTo("SUCCEEDED");
            assertThat(registered.json().path("registrationStatus").asText()).isEqualTo("COMPLETED");
            assertThat(registered.json().path("licence").path("smartAccount").asText())
                    .isEqualTo("Simulated Smart Account");

            // Registered already, without reregister: CML refuses, and the refusal is recorded.
            Answer again = call("POST", licence + "/registration", body(TOKEN, false), ADMIN_KEY);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().path("type").asText()).isEqualTo("urn:cmlfleet:problem:cml-rejected");
            assertThat(again.json().path("detail").asText()).contains("already registered");

            Answer renewed = call("POST", licence + "/renewal", "{\"reason\":\"before the class\"}", ADMIN_KEY);
            assertThat(renewed.json().path("outcome").asText()).as(renewed.body()).isEqualTo("SUCCEEDED");
            assertThat(renewed.json().path("operation").asText()).isEqualTo("RENEW_AUTHORIZATION");
            Answer renewedRegistration = call("POST", licence + "/renewal", "{\"scope\":\"registration\"}",
                    ADMIN_KEY);
            assertThat(renewedRegistration.json().path("outcome").asText()).as(renewedRegistration.body())
                    .isEqualTo("SUCCEEDED");

            licensing.answerDeregistrationWith(200);
            Answer deregistered200 = call("DELETE", licence + "/registration", null, ADMIN_KEY);
            assertThat(deregistered200.json().path("outcome").asText()).isEqualTo("SUCCEEDED");
            assertThat(deregistered200.json().path("message").asText())
                    .isEqualTo("The product instance was deregistered from Smart Software Licensing");

            // A token CSSM refuses: FAILED with CML's text.
            Answer invalid = call("POST", licence + "/registration", body(INVALID_TOKEN, false), ADMIN_KEY);
            assertThat(invalid.json().path("outcome").asText()).as(invalid.body()).isEqualTo("FAILED");
            assertThat(invalid.json().path("message").asText()).isEqualTo(SimulatedLicensing.INVALID_TOKEN);

            // The slow CSSM path: still in progress when the (600 ms) timeout runs out.
            Answer slow = call("POST", licence + "/registration", body(SLOW_TOKEN, true), ADMIN_KEY);
            assertThat(slow.json().path("outcome").asText()).as(slow.body()).isEqualTo("TIMED_OUT");
            assertThat(slow.json().path("message").asText()).startsWith("still IN_PROGRESS after");

            // The CLI, through the same API: the token from the environment variable --token-env names.
            CommandLineToolsTest.Result cli = CommandLineToolsTest.run(Map.of("CMLFLEET_API_KEY", ADMIN_KEY,
                    "LIC_TOKEN", TOKEN), "licence", "register", worker, "--token-env", "LIC_TOKEN", "--reregister",
                    "--reason", "from the cli", "--api", "http://localhost:" + port);
            assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
            responses.add(cli.out() + cli.err());
            licensing.answerDeregistrationWith(202);
            CommandLineToolsTest.Result cliDeregister = CommandLineToolsTest.run(Map.of("CMLFLEET_API_KEY",
                    ADMIN_KEY), "licence", "deregister", worker, "--api", "http://localhost:" + port);
            assertThat(cliDeregister.exitCode()).as(cliDeregister.out()).isZero();
            assertThat(cliDeregister.out()).contains("could not tell Smart Software Licensing (HTTP 202)");
            CommandLineToolsTest.Result onArgv = CommandLineToolsTest.run(Map.of("CMLFLEET_API_KEY", ADMIN_KEY),
                    "licence", "register", worker, "--token", TOKEN);
            assertThat(onArgv.exitCode()).isEqualTo(2);
            assertThat(onArgv.err()).contains("never taken from the command line").doesNotContain(TOKEN);
            CommandLineToolsTest.Result shown = CommandLineToolsTest.run(Map.of("CMLFLEET_API_KEY", READER_KEY),
                    "licence", "show", worker, "--api", "http://localhost:" + port);
            assertThat(shown.exitCode()).isZero();
            assertThat(shown.out()).contains("\"lastOperation\"", "DEREGISTER");
            responses.add(shown.out() + onArgv.out() + onArgv.err() + cliDeregister.out());

            // The worker's history: who, why and how each ended.
            List<LicenceOperationFinished> finished = run.events(worker).stream()
                    .filter(LicenceOperationFinished.class::isInstance).map(LicenceOperationFinished.class::cast)
                    .toList();
            assertThat(finished).extracting(LicenceOperationFinished::operation).containsExactly(
                    LicenceOperation.DEREGISTER, LicenceOperation.REGISTER, LicenceOperation.REGISTER,
                    LicenceOperation.RENEW_AUTHORIZATION, LicenceOperation.RENEW_REGISTRATION,
                    LicenceOperation.DEREGISTER, LicenceOperation.REGISTER, LicenceOperation.REGISTER,
                    LicenceOperation.REGISTER, LicenceOperation.DEREGISTER);
            assertThat(finished).extracting(LicenceOperationFinished::outcome).containsExactly(
                    LicenceOperationOutcome.SUCCEEDED, LicenceOperationOutcome.SUCCEEDED,
                    LicenceOperationOutcome.FAILED, LicenceOperationOutcome.SUCCEEDED,
                    LicenceOperationOutcome.SUCCEEDED, LicenceOperationOutcome.SUCCEEDED,
                    LicenceOperationOutcome.FAILED, LicenceOperationOutcome.TIMED_OUT,
                    LicenceOperationOutcome.SUCCEEDED, LicenceOperationOutcome.SUCCEEDED);
            assertThat(finished).extracting(LicenceOperationFinished::requestedBy).containsOnly("ops-admin");
            assertThat(run.events(worker)).filteredOn(LicenceOperationRequested.class::isInstance)
                    .extracting(e -> ((LicenceOperationRequested) e).reason())
                    .contains("moving account", "before the class", "from the cli");

            String timeline = call("GET", "/api/v1/workers/" + worker + "/timeline", null, READER_KEY).body();
            assertThat(timeline).contains("licence deregistration requested by ops-admin: moving account",
                    "licence registration by ops-admin succeeded; now COMPLETED/IN_COMPLIANCE",
                    "licence registration by ops-admin failed: " + SimulatedLicensing.INVALID_TOKEN,
                    "licence registration by ops-admin timed out: still IN_PROGRESS after",
                    "licence registration requested by ops-admin (reregister): from the cli");

            // Bad input: named, and nothing recorded or sent.
            long before = run.count(worker, LicenceOperationRequested.class);
            Answer missing = call("POST", licence + "/registration", "{\"reregister\":false}", ADMIN_KEY);
            Answer blank = call("POST", licence + "/registration", body("   ", false), ADMIN_KEY);
            String oversized = "SECRET-" + "x".repeat(600);
            Answer tooLong = call("POST", licence + "/registration", body(oversized, false), ADMIN_KEY);
            Answer unknown = call("POST", "/api/v1/workers/nobody/licence/registration", body(TOKEN, false),
                    ADMIN_KEY);
            Answer badScope = call("POST", licence + "/renewal", "{\"scope\":\"everything\"}", ADMIN_KEY);
            for (Answer bad : List.of(missing, blank, tooLong)) {
                assertThat(bad.status()).as(bad.body()).isEqualTo(400);
                assertThat(bad.json().path("field").asText()).isEqualTo("token");
                assertThat(bad.json().path("detail").asText()).startsWith("Invalid token:");
            }
            assertThat(tooLong.body()).doesNotContain(oversized);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(badScope.status()).isEqualTo(400);
            assertThat(badScope.json().path("field").asText()).isEqualTo("scope");
            assertThat(call("GET", "/api/v1/workers/nobody/licence", null, READER_KEY).status()).isEqualTo(404);
            assertThat(run.count(worker, LicenceOperationRequested.class)).isEqualTo(before);

            // A worker whose CML cannot be reached now: 409 with the gate's reason.
            String stopped = SimulatedFleetImporter.workerIdFor(workers.get(1));
            run.awaitFullCycle(stopped);
            assertThat(call("POST", "/api/v1/workers/" + stopped + "/stop", "{\"reason\":\"test\"}", ADMIN_KEY)
                    .status()).isBetween(200, 299);
            await().atMost(SimulatedFleetRun.PATIENCE).untilAsserted(() -> {
                Answer refused = call("POST", "/api/v1/workers/" + stopped + "/licence/renewal", null, ADMIN_KEY);
                assertThat(refused.status()).as(refused.body()).isEqualTo(409);
                assertThat(refused.json().path("detail").asText())
                        .contains("cannot perform a licence authorization renewal: ");
            });

            assertNoSecretAnywhere(run, output);
        }
    }

    @Test
    void theRecordedControllersLicenceIsFoundExpiredAndAFailedRenewalWithCmlsText() throws Exception {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.api.keys[0].name", "ops-admin", "cmlfleet.api.keys[0].key", ADMIN_KEY,
                "cmlfleet.api.keys[0].role", "ADMIN"))) {
            port = Integer.parseInt(run.context.getEnvironment().getProperty("local.server.port"));
            SimulatedWorker first = run.fleet().workers().get(0);
            String worker = SimulatedFleetImporter.workerIdFor(first);
            byte[] recorded = Files.readAllBytes(FIXTURE);
            run.fleet().licensing(first.instanceId()).serve(recorded);
            run.awaitFullCycle(worker);

            // The lab listing's round reads the recorded body: both dates have passed (CML still says IN_COMPLIANCE).
            await().atMost(SimulatedFleetRun.PATIENCE).untilAsserted(() -> assertThat(run.events(worker))
                    .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(LicenceStateChanged.class, licence ->
                            assertThat(licence.licence().smartAccount())
                                    .isEqualTo("Cisco Demo Internal Smart Account"))));
            String findings = call("GET", "/api/v1/workers/" + worker + "/findings", null, ADMIN_KEY).body();
            assertThat(findings).contains("licence authorization expired at 2026-02-20T15:13:31Z",
                    "licence registration expired at 2026-08-20T17:25:30Z");

            // The same body with its last authorization renewal FAILED, as CML reports a CSSM timeout.
            ObjectNode failed = (ObjectNode) JSON.readTree(recorded);
            ObjectNode renewal = (ObjectNode) failed.path("authorization").path("renew_time");
            renewal.put("status", "FAILED");
            renewal.put("failure", SimulatedLicensing.CSSM_TIMEOUT);
            run.fleet().licensing(first.instanceId()).serve(JSON.writeValueAsBytes(failed));
            await().atMost(SimulatedFleetRun.PATIENCE).untilAsserted(() -> assertThat(
                    call("GET", "/api/v1/workers/" + worker + "/findings", null, ADMIN_KEY).body())
                    .contains("licence authorization renewal failed at 2025-11-22T15:18:33Z: "
                            + SimulatedLicensing.CSSM_TIMEOUT));
            assertThat(call("GET", "/api/v1/workers/" + worker + "/findings?format=jsonl", null, ADMIN_KEY).body())
                    .contains("\"licenceRenewalFailed\"", "\"licenceExpired\"");
        }
    }

    /** The event store (payload and metadata), the log output and every answer: none holds a token. */
    private void assertNoSecretAnywhere(SimulatedFleetRun run, CapturedOutput output) {
        JdbcTemplate jdbc = new JdbcTemplate(run.context.getBean(DataSource.class));
        List<String> stored = jdbc.query("SELECT payload, metaData FROM DomainEventEntry", (row, i) ->
                text(row.getBytes(1)) + text(row.getBytes(2)));
        assertThat(stored).anySatisfy(payload -> assertThat(payload).contains("REGISTER"));
        List<String> answers = new ArrayList<>(responses);
        answers.addAll(api.answers());
        for (String secret : SECRETS) {
            assertThat(stored).noneSatisfy(payload -> assertThat(payload).contains(secret));
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(answers).noneSatisfy(body -> assertThat(body).contains(secret));
        }
        assertThat(answers).hasSizeGreaterThan(20);
    }

    private static String text(byte[] column) {
        return column == null ? "" : new String(column, StandardCharsets.UTF_8);
    }

    private static String body(String token, boolean reregister) throws Exception {
        return JSON.writeValueAsString(Map.of("token", token, "reregister", reregister));
    }

    private Answer call(String method, String path, String body, String key) throws Exception {
        if (api == null || api.port() != port) {
            api = new ApiCalls(port);
        }
        return api.call(method, path, body, key);
    }
}
