package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.bootstrap.cli.CommandLineToolsTest;
import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.IdleStopCancelled;
import io.cmlfleet.domain.worker.event.IdleStopConfigured;
import io.cmlfleet.domain.worker.event.IdleStopSnoozed;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.IdleStopWarned;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.UserActivityObserved;
import io.cmlfleet.simulator.SimulatedWorker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cmlfleet.idle-stop.*} in the running service, against the simulated fleet over HTTPS (where some
 * controllers run no lab nodes, and every controller's telemetry shows its service user {@code virl2} busy): an
 * idle worker is warned, its controller put in maintenance mode with a notice, and stopped once the grace has
 * passed; user activity during the grace cancels the warning and lifts maintenance mode; the per-worker opt-out and
 * a snooze, through the HTTP API and the CLI, keep workers from being warned; a long snooze after resume keeps
 * every worker running, and the refresh says why.
 */
class IdleStopServiceTest {

    private static final String ADMIN_KEY = "idle-admin-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anIdleWorkerIsWarnedOnItsControllerThenStoppedOnceTheGraceHasPassed() {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(settings("2s", "3s", Map.of()))) {
            List<String> workers = workerIds(run);

            String warned = await().atMost(SimulatedFleetRun.PATIENCE).until(
                    () -> workers.stream().filter(worker -> run.count(worker, IdleStopWarned.class) > 0).findFirst(),
                    Optional::isPresent).orElseThrow();
            IdleStopWarned warning = first(run, warned, IdleStopWarned.class);
            assertThat(warning.plannedStopAt()).isEqualTo(warning.warnedAt().plus(Duration.ofSeconds(3)));
            assertThat(warning.maintenanceMode()).isTrue();
            assertThat(warning.reason()).startsWith("no running CML nodes for");
            String instance = instanceOf(run, warned);
            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> run.fleet().maintenanceMode(instance));
            assertThat(run.fleet().notices(instance)).singleElement().asString()
                    .startsWith("This CML worker stops at ").contains(warning.plannedStopAt().toString());

            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> run.count(warned, IdleStopTriggered.class) > 0);
            IdleStopTriggered stop = first(run, warned, IdleStopTriggered.class);
            assertThat(stop.triggeredAt()).isAfterOrEqualTo(warning.plannedStopAt());
            assertThat(stop.reason()).contains("warned at " + warning.warnedAt());
            assertThat(run.events(warned)).filteredOn(LifecycleActionRequested.class::isInstance)
                    .map(LifecycleActionRequested.class::cast)
                    .anySatisfy(request -> {
                        assertThat(request.action()).isEqualTo(LifecycleAction.STOP);
                        assertThat(request.requestedBy()).isEqualTo(WorkerState.IDLE_POLICY);
                        assertThat(request.reason()).startsWith("no running CML nodes for");
                    });
            // The controller's service user is busy on every controller, and never counts.
            assertThat(workers).allSatisfy(worker -> assertThat(run.events(worker))
                    .filteredOn(UserActivityObserved.class::isInstance).isEmpty());
            assertThat(run.events(warned).toString()).doesNotContain(run.fleet().cmlPassword());
        }
    }

    @Test
    void userActivityDuringTheGraceCancelsTheWarningAndLiftsMaintenanceMode() {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(settings("2s", "1h", Map.of()))) {
            List<String> workers = workerIds(run);
            String warned = await().atMost(SimulatedFleetRun.PATIENCE).until(
                    () -> workers.stream().filter(worker -> run.count(worker, IdleStopWarned.class) > 0).findFirst(),
                    Optional::isPresent).orElseThrow();
            String instance = instanceOf(run, warned);
            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> run.fleet().maintenanceMode(instance));

            run.fleet().recordUserActivity(instance, "start_node", "alice");

            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> run.count(warned, IdleStopCancelled.class) > 0);
            assertThat(first(run, warned, UserActivityObserved.class)).satisfies(activity -> {
                assertThat(activity.category()).isEqualTo("start_node");
                assertThat(activity.user()).isEqualTo("alice");
            });
            assertThat(first(run, warned, IdleStopCancelled.class).reason())
                    .startsWith("user activity: start_node by alice at ");
            // Lifted right after the cancellation (a new warning needs another 2 s of idleness first).
            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> !run.fleet().maintenanceMode(instance));
            assertThat(run.fleet().requests().count("cml:DELETE /system/notices/{id}")).isPositive();
            assertThat(run.count(warned, IdleStopTriggered.class)).isZero();
        }
    }

    @Test
    void optedOutAndSnoozedWorkersAreNeverWarnedAndBadRequestsNameTheirField() throws Exception {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(settings("6s", "1h", Map.of(
                "cmlfleet.simulator.instances", "10",
                "cmlfleet.api.keys[0].name", "ops-admin", "cmlfleet.api.keys[0].key", ADMIN_KEY,
                "cmlfleet.api.keys[0].role", "ADMIN")))) {
            int port = Integer.parseInt(run.context.getEnvironment().getProperty("local.server.port"));
            List<String> idle = run.fleet().workers().stream().filter(w -> w.traits().runningNodes() == 0)
                    .filter(w -> w.address() != null).map(SimulatedFleetImporter::workerIdFor).toList();
            assertThat(idle).as("idle simulated workers").hasSizeGreaterThanOrEqualTo(3);
            String optedOut = idle.get(0);
            String snoozed = idle.get(1);
            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> run.count(snoozed, RefreshCompleted.class) > 0);

            assertThat(call(port, "PUT", "/api/v1/workers/" + optedOut + "/idle-stop", "{\"enabled\":false}")
                    .statusCode()).isEqualTo(204);
            CommandLineToolsTest.Result cli = CommandLineToolsTest.run(Map.of("CMLFLEET_API_KEY", ADMIN_KEY),
                    "idle-stop", "snooze", snoozed, "--minutes", "120", "--reason", "exam tomorrow",
                    "--api", "http://localhost:" + port);
            assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
            assertThat(cli.out()).contains("HTTP 200", "\"snoozedBy\":\"ops-admin\"");

            // Another idle worker is warned: the policy runs, and passes these two by.
            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> idle.subList(2, idle.size()).stream()
                    .anyMatch(worker -> run.count(worker, IdleStopWarned.class) > 0));
            await().atMost(SimulatedFleetRun.PATIENCE).until(() ->
                    idleCheckDetails(run, optedOut).contains("not stopping: idle stopping is disabled for this worker")
                    && idleCheckDetails(run, snoozed).stream()
                            .anyMatch(detail -> detail.startsWith("not stopping: snoozed by an operator until")));
            assertThat(run.count(optedOut, IdleStopWarned.class)).isZero();
            assertThat(run.count(snoozed, IdleStopWarned.class)).isZero();
            assertThat(first(run, optedOut, IdleStopConfigured.class).changedBy()).isEqualTo("ops-admin");
            IdleStopSnoozed snooze = first(run, snoozed, IdleStopSnoozed.class);
            assertThat(snooze.snoozedBy()).isEqualTo("ops-admin");
            assertThat(snooze.reason()).isEqualTo("exam tomorrow");
            assertThat(snooze.until()).isEqualTo(snooze.snoozedAt().plus(Duration.ofMinutes(120)));

            HttpResponse<String> tooLong = call(port, "POST", "/api/v1/workers/" + snoozed + "/idle-stop/snooze",
                    "{\"minutes\":20000}");
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(tooLong.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(field(tooLong)).isEqualTo("minutes");
            HttpResponse<String> noEnabled = call(port, "PUT", "/api/v1/workers/" + snoozed + "/idle-stop", "{}");
            assertThat(noEnabled.statusCode()).isEqualTo(400);
            assertThat(field(noEnabled)).isEqualTo("enabled");
            assertThat(call(port, "PUT", "/api/v1/workers/nobody/idle-stop", "{\"enabled\":true}").statusCode())
                    .isEqualTo(404);
            CommandLineToolsTest.Result badMinutes = CommandLineToolsTest.run(Map.of("CMLFLEET_API_KEY", ADMIN_KEY),
                    "idle-stop", "snooze", snoozed, "--minutes", "soon", "--api", "http://localhost:" + port);
            assertThat(badMinutes.exitCode()).isEqualTo(2);
            assertThat(badMinutes.err()).contains("--minutes must be a whole number of minutes (got soon)");
        }
    }

    @Test
    void noWorkerIsStoppedWhileItIsSnoozedAfterItsResume() {
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.simulator.instances", "6",
                "cmlfleet.idle-stop.enabled", "true",
                "cmlfleet.idle-stop.idle-after", "2s",
                "cmlfleet.idle-stop.snooze-after-resume", "1h"))) {
            List<String> workers = workerIds(run);

            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> workers.stream()
                    .anyMatch(worker -> idleCheckDetails(run, worker).stream()
                            .anyMatch(detail -> detail.startsWith("not stopping: snoozed until"))));

            assertThat(workers).allSatisfy(worker -> {
                assertThat(run.count(worker, IdleStopTriggered.class)).as(worker).isZero();
                assertThat(run.count(worker, IdleStopWarned.class)).as(worker).isZero();
            });
        }
    }

    private Map<String, Object> settings(String idleAfter, String grace, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.simulator.instances", "6",
                "cmlfleet.idle-stop.enabled", "true",
                "cmlfleet.idle-stop.idle-after", idleAfter,
                "cmlfleet.idle-stop.grace-period", grace,
                "cmlfleet.idle-stop.snooze-after-resume", "0s"));
        settings.putAll(more);
        return settings;
    }

    private HttpResponse<String> call(int port, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", ADMIN_KEY).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String field(HttpResponse<String> problem) throws Exception {
        JsonNode errors = JSON.readTree(problem.body()).path("errors");
        return errors.path(0).path("field").asText();
    }

    private static <T> T first(SimulatedFleetRun run, String worker, Class<T> type) {
        return run.events(worker).stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private static String instanceOf(SimulatedFleetRun run, String workerId) {
        return run.fleet().workers().stream().filter(w -> SimulatedFleetImporter.workerIdFor(w).equals(workerId))
                .map(SimulatedWorker::instanceId).findFirst().orElseThrow();
    }

    private static List<String> idleCheckDetails(SimulatedFleetRun run, String worker) {
        return run.events(worker).stream()
                .filter(RefreshCompleted.class::isInstance).map(RefreshCompleted.class::cast)
                .flatMap(completed -> completed.stages().stream())
                .filter(stage -> stage.stage() == RefreshStage.IDLE_CHECK)
                .map(stage -> stage.detail()).filter(Objects::nonNull).toList();
    }

    private static List<String> workerIds(SimulatedFleetRun run) {
        return run.fleet().workers().stream().map(SimulatedFleetImporter::workerIdFor).toList();
    }
}
