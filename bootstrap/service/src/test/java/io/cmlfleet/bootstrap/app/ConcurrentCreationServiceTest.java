package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import io.cmlfleet.simulator.InstanceState;
import io.cmlfleet.simulator.SimulatedWorker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Concurrent provisions and imports through the HTTP API of the running service, against the simulated fleet, on
 * H2 and on a real PostgreSQL server: of several calls for one worker id or one instance, exactly one wins; the
 * losers get a 409 that says why, store nothing, and terminate nothing the winner owns; a terminated worker releases
 * its instance.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConcurrentCreationServiceTest {

    private static final String ADMIN_KEY = "race-admin-key-5b1e9d7c3a2f4e6d";
    private static final int CALLERS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;

    @Test
    void onlyOneOfConcurrentCreationsWinsOnH2(CapturedOutput output) throws Exception {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(settings(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString())))) {
            raceEverything(run);
        }
        assertLostRacesAreWarnings(output);
    }

    @Test
    void onlyOneOfConcurrentCreationsWinsOnPostgresql(CapturedOutput output) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             SimulatedFleetRun run = SimulatedFleetRun.start(settings(Map.of(
                     "cmlfleet.storage.mode", "postgresql",
                     "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                     "spring.datasource.username", "postgres",
                     "spring.datasource.password", "postgres")))) {
            raceEverything(run);
        }
        assertLostRacesAreWarnings(output);
    }

    /** A lost race is expected, not an error, and its line says why without the store's SQL. */
    private static void assertLostRacesAreWarnings(CapturedOutput output) {
        List<String> lost = output.getAll().lines().filter(line -> line.contains("Registering worker raced failed"))
                .toList();
        assertThat(lost).isNotEmpty().allSatisfy(line -> assertThat(line).contains(" WARN ")
                .endsWith("terminating the instance this call launched: worker id raced exists already"));
    }

    private void raceEverything(SimulatedFleetRun run) throws Exception {
        concurrentProvisionsOfOneWorkerIdLeaveTheWinnersInstanceRunning(run);
        List<SimulatedWorker> initial = run.fleet().workers().subList(0, 2);
        String winner = concurrentImportsOfOneInstanceLeaveOneWorkerOnIt(run, initial.get(0));
        concurrentImportsOfOneWorkerIdLeaveOneWorker(run, initial.get(1));
        aTerminatedWorkerReleasesItsInstance(run, winner, initial.get(0));
    }

    private void concurrentProvisionsOfOneWorkerIdLeaveTheWinnersInstanceRunning(SimulatedFleetRun run)
            throws Exception {
        int instancesBefore = run.fleet().workers().size();
        List<Answer> answers = concurrently(run, i -> """
                {"workerId":"raced","name":"raced","region":"eu-west-1","amiId":"ami-0123456789abcdef0",\
                "instanceType":"c5.2xlarge"}""", "/api/v1/workers");

        Answer won = onlyOneWon(answers);
        answers.stream().filter(a -> a != won).forEach(lost -> {
            assertConflict(lost);
            assertThat(lost.json().path("detail").asText()).contains("already exists");
        });
        String instanceId = won.json().path("instanceId").asText();
        // Every loser has answered, so every compensation is done: the winner's instance must still be there.
        assertThat(run.fleet().state(instanceId)).isIn(InstanceState.PENDING, InstanceState.RUNNING);
        List<SimulatedWorker> launched = run.fleet().workers().subList(instancesBefore, run.fleet().workers().size());
        assertThat(launched).extracting(SimulatedWorker::instanceId).contains(instanceId);
        assertThat(launched).filteredOn(w -> !w.instanceId().equals(instanceId)).allSatisfy(own ->
                assertThat(run.fleet().state(own.instanceId())).as("a loser's own instance")
                        .isIn(InstanceState.SHUTTING_DOWN, InstanceState.TERMINATED));
        assertThat(run.events("raced")).filteredOn(WorkerCreated.class::isInstance).singleElement()
                .satisfies(created -> assertThat(((WorkerCreated) created).instanceId()).isEqualTo(instanceId));
    }

    private String concurrentImportsOfOneInstanceLeaveOneWorkerOnIt(SimulatedFleetRun run, SimulatedWorker instance)
            throws Exception {
        List<Answer> answers = concurrently(run, i -> importBody("claim-" + i, instance), "/api/v1/workers/import");

        Answer won = onlyOneWon(answers);
        String winner = won.json().path("workerId").asText();
        for (Answer lost : answers) {
            if (lost == won) {
                continue;
            }
            assertConflict(lost);
            assertThat(lost.json().path("type").asText()).isEqualTo("urn:cmlfleet:problem:instance-already-watched");
            assertThat(lost.json().path("workerId").asText()).isEqualTo(winner);
            assertThat(lost.json().path("instanceId").asText()).isEqualTo(instance.instanceId());
            assertThat(lost.json().path("detail").asText()).contains("already watched by worker " + winner);
        }
        for (int i = 0; i < CALLERS; i++) {
            String workerId = "claim-" + i;
            if (!workerId.equals(winner)) {
                assertThat(run.events(workerId)).as("a refused worker stores nothing: %s", workerId).isEmpty();
            }
        }
        assertThat(run.events(winner)).first().isInstanceOf(WorkerCreated.class);
        return winner;
    }

    private void concurrentImportsOfOneWorkerIdLeaveOneWorker(SimulatedFleetRun run, SimulatedWorker instance)
            throws Exception {
        List<Answer> answers = concurrently(run, i -> importBody("same-id", instance), "/api/v1/workers/import");

        Answer won = onlyOneWon(answers);
        answers.stream().filter(a -> a != won).forEach(ConcurrentCreationServiceTest::assertConflict);
        assertThat(run.events("same-id")).filteredOn(WorkerCreated.class::isInstance).hasSize(1);
        // And afterwards, one at a time: the instance is taken.
        Answer taken = send(run, "POST", "/api/v1/workers/import", importBody("same-instance", instance));
        assertConflict(taken);
        assertThat(taken.json().path("workerId").asText()).isEqualTo("same-id");
    }

    private void aTerminatedWorkerReleasesItsInstance(SimulatedFleetRun run, String holder, SimulatedWorker instance) {
        Answer terminated = send(run, "POST", "/api/v1/workers/" + holder + "/terminate", "{}");
        assertThat(terminated.status()).as(terminated.body()).isEqualTo(202);
        await().atMost(SimulatedFleetRun.PATIENCE).until(() -> run.count(holder, WorkerTerminated.class) == 1);

        Answer reimported = send(run, "POST", "/api/v1/workers/import", importBody("claim-again", instance));
        assertThat(reimported.status()).as(reimported.body()).isEqualTo(201);
    }

    // --- harness -----------------------------------------------------------------------------------------------

    private static Map<String, Object> settings(Map<String, Object> store) {
        Map<String, Object> settings = new HashMap<>(store);
        settings.put("cmlfleet.simulator.instances", "2");
        settings.put("cmlfleet.simulator.import-at-start", "false");
        settings.put("cmlfleet.simulator.pending-duration", "1s");
        settings.put("cmlfleet.api.keys[0].name", "race-admin");
        settings.put("cmlfleet.api.keys[0].key", ADMIN_KEY);
        settings.put("cmlfleet.api.keys[0].role", "ADMIN");
        return settings;
    }

    private static String importBody(String workerId, SimulatedWorker instance) {
        return """
                {"workerId":"%s","name":"%s","region":"%s","instanceId":"%s"}"""
                .formatted(workerId, workerId, instance.region(), instance.instanceId());
    }

    /** The calls, released together by a barrier, each on its own thread. */
    private List<Answer> concurrently(SimulatedFleetRun run, IntFunction<String> body, String path) throws Exception {
        CyclicBarrier start = new CyclicBarrier(CALLERS);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Answer>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                String json = body.apply(i);
                calls.add(callers.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return send(run, "POST", path, json);
                }));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> call : calls) {
                answers.add(call.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            callers.shutdownNow();
        }
    }

    private static Answer onlyOneWon(List<Answer> answers) {
        assertThat(answers).extracting(Answer::status).as("statuses").containsOnlyOnce(201)
                .containsOnly(201, 409);
        return answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow();
    }

    private static void assertConflict(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain(ADMIN_KEY);
    }

    private Answer send(SimulatedFleetRun run, String method, String path, String json) {
        String port = run.context.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("X-API-Key", ADMIN_KEY)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("not JSON: " + body, e);
            }
        }
    }
}
