package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.cmlfleet.domain.worker.command.ClearEndpoint;
import io.cmlfleet.domain.worker.command.EvaluateIdleness;
import io.cmlfleet.domain.worker.command.RecordCmlStats;
import io.cmlfleet.domain.worker.command.RecordEc2Observation;
import io.cmlfleet.domain.worker.command.RecordHealthEvaluation;
import io.cmlfleet.domain.worker.command.RecordRefreshCompleted;
import io.cmlfleet.domain.worker.command.RecordRefreshFailure;
import io.cmlfleet.domain.worker.command.RecordTelemetry;
import io.cmlfleet.domain.worker.command.RegisterWorker;
import io.cmlfleet.domain.worker.command.RequestLifecycleAction;
import io.cmlfleet.domain.worker.command.SetEndpointManually;
import io.cmlfleet.domain.worker.command.MarkTerminated;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command validates its input and names the field it rejects; nothing is appended. */
class CMLWorkerValidationTest {

    private static final Instant FAR_FUTURE = NOW.plusSeconds(3600);

    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                bad("workerId", new RegisterWorker(" ", "n", REGION, INSTANCE, "c5.large", "ami-12345678", null, null, "a")),
                bad("workerId", new RegisterWorker("bad id!", "n", REGION, INSTANCE, "c5.large", "ami-12345678", null, null, "a")),
                bad("name", new RegisterWorker(WORKER, "  ", REGION, INSTANCE, "c5.large", "ami-12345678", null, null, "a")),
                bad("region", new RegisterWorker(WORKER, "n", "Europe", INSTANCE, "c5.large", "ami-12345678", null, null, "a")),
                bad("region", new RegisterWorker(WORKER, "n", "us-east", INSTANCE, "c5.large", "ami-12345678", null, null, "a")),
                bad("instanceId", new RegisterWorker(WORKER, "n", REGION, "i-123", "c5.large", "ami-12345678", null, null, "a")),
                bad("instanceId", new RegisterWorker(WORKER, "n", REGION, "i-0123456789ABCDEF0", "c5.large", "ami-12345678", null, null, "a")),
                bad("instanceId", new RegisterWorker(WORKER, "n", REGION, "0123456789abcdef0", "c5.large", "ami-12345678", null, null, "a")),
                bad("instanceType", new RegisterWorker(WORKER, "n", REGION, INSTANCE, "large", "ami-12345678", null, null, "a")),
                bad("amiId", new RegisterWorker(WORKER, "n", REGION, INSTANCE, "c5.large", "ami-xyz", null, null, "a")),
                bad("tags", new RegisterWorker(WORKER, "n", REGION, INSTANCE, "c5.large", "ami-12345678", null, tooManyTags(), "a")),
                bad("tags", new RegisterWorker(WORKER, "n", REGION, INSTANCE, "c5.large", "ami-12345678", null, Map.of(" ", "v"), "a")),
                bad("createdBy", new RegisterWorker(WORKER, "n", REGION, INSTANCE, "c5.large", "ami-12345678", null, null, null)),
                // The exact value is checked, never a trimmed copy.
                bad("workerId", new RegisterWorker(WORKER + "\n", "n", REGION, INSTANCE, "c5.large", "ami-12345678", null, null, "a")),
                bad("region", new RegisterWorker(WORKER, "n", REGION + "\r\n", INSTANCE, "c5.large", "ami-12345678", null, null, "a")),
                bad("region", new RegisterWorker(WORKER, "n", " " + REGION, INSTANCE, "c5.large", "ami-12345678", null, null, "a")),
                bad("instanceId", new RegisterWorker(WORKER, "n", REGION, INSTANCE + "\n", "c5.large", "ami-12345678", null, null, "a")),
                bad("instanceType", new RegisterWorker(WORKER, "n", REGION, INSTANCE, "c5.large ", "ami-12345678", null, null, "a")),
                bad("amiId", new RegisterWorker(WORKER, "n", REGION, INSTANCE, "c5.large", "ami-12345678\t", null, null, "a")),
                // Control and format characters in every text field.
                bad("name", new RegisterWorker(WORKER, "lab\nworker", REGION, INSTANCE, "c5.large", "ami-12345678", null, null, "a")),
                bad("name", new RegisterWorker(WORKER, "lab\u001b[31mworker", REGION, INSTANCE, "c5.large", "ami-12345678", null, null, "a")),
                bad("name", new RegisterWorker(WORKER, "lab\u202eworker", REGION, INSTANCE, "c5.large", "ami-12345678", null, null, "a")),
                bad("name", new RegisterWorker(WORKER, "lab\u2066worker", REGION, INSTANCE, "c5.large", "ami-12345678", null, null, "a")),
                bad("name", new RegisterWorker(WORKER, "lab\u0000worker", REGION, INSTANCE, "c5.large", "ami-12345678", null, null, "a")),
                bad("name", new RegisterWorker(WORKER, "n".repeat(256), REGION, INSTANCE, "c5.large", "ami-12345678", null, null, "a")),
                bad("amiName", new RegisterWorker(WORKER, "n", REGION, INSTANCE, "c5.large", "ami-12345678", "CML\u200f", null, "a")),
                bad("tags", new RegisterWorker(WORKER, "n", REGION, INSTANCE, "c5.large", "ami-12345678", null, Map.of("team\n", "v"), "a")),
                bad("tags", new RegisterWorker(WORKER, "n", REGION, INSTANCE, "c5.large", "ami-12345678", null, Map.of("team", "net\u202aops"), "a")),
                bad("createdBy", new RegisterWorker(WORKER, "n", REGION, INSTANCE, "c5.large", "ami-12345678", null, null, "alice\r\n")),
                bad("region", new RegisterWorker(WORKER, "n", "us-" + "a".repeat(60) + "-1", INSTANCE, "c5.large", "ami-12345678", null, null, "a")));
    }

    static Stream<Arguments> badCommandsOnAnExistingWorker() {
        return Stream.of(
                bad("ec2State", new RecordEc2Observation(WORKER, null, null, null, null, null, null, T1)),
                bad("ec2StateCode", new RecordEc2Observation(WORKER, "running", -1, null, null, null, null, T1)),
                bad("publicIp", new RecordEc2Observation(WORKER, "running", 16, "300.1.2.3", null, null, null, T1)),
                bad("privateIp", new RecordEc2Observation(WORKER, "running", 16, null, "not-an-ip", null, null, T1)),
                bad("observedAt", new RecordEc2Observation(WORKER, "running", 16, null, null, null, null, null)),
                bad("observedAt", new RecordEc2Observation(WORKER, "running", 16, null, null, null, null, FAR_FUTURE)),
                bad("endpoint", new SetEndpointManually(WORKER, "http://cml.example.com", "ops")),
                bad("endpoint", new SetEndpointManually(WORKER, "https://", "ops")),
                bad("endpoint", new SetEndpointManually(WORKER, "https://cml.example.com/?a=b", "ops")),
                bad("endpoint", new SetEndpointManually(WORKER, "not a url", "ops")),
                bad("setBy", new SetEndpointManually(WORKER, "https://cml.example.com", "")),
                bad("clearedBy", new ClearEndpoint(WORKER, null, "gone")),
                bad("valid", new RecordHealthEvaluation(WORKER, false, true, null, null, "refused", 3, T1)),
                bad("latencyMillis", new RecordHealthEvaluation(WORKER, true, true, true, true, null, -1, T1)),
                bad("evaluatedAt", new RecordHealthEvaluation(WORKER, true, true, true, true, null, 1, FAR_FUTURE)),
                bad("facts", new RecordCmlStats(WORKER, null, T1)),
                bad("facts.nodesRunning", new RecordCmlStats(WORKER,
                        new io.cmlfleet.domain.worker.CmlFacts("2.9.1", true, true, true, null, null, 1, -2, 3, 4,
                                5L, null), T1)),
                bad("recordedAt", new RecordCmlStats(WORKER,
                        new io.cmlfleet.domain.worker.CmlFacts(null, null, null, null, null, null, null, null, null,
                                null, null, null), FAR_FUTURE)),
                bad("cpuPercent", new RecordTelemetry(WORKER, 100.5, 10.0, T1, 300, null, null)),
                bad("cpuPercent", new RecordTelemetry(WORKER, Double.NaN, 10.0, T1, 300, null, null)),
                bad("memoryPercent", new RecordTelemetry(WORKER, 10.0, -0.1, T1, 300, null, null)),
                bad("sampledAt", new RecordTelemetry(WORKER, 10.0, 10.0, FAR_FUTURE, 300, null, null)),
                bad("windowSeconds", new RecordTelemetry(WORKER, 10.0, 10.0, T1, 0, null, null)),
                bad("stage", new RecordRefreshFailure(WORKER, null, "TIMEOUT", "timed out", T1)),
                bad("errorCode", new RecordRefreshFailure(WORKER, RefreshStage.HEALTH_CHECK, " ", "timed out", T1)),
                bad("message", new RecordRefreshFailure(WORKER, RefreshStage.HEALTH_CHECK, "TIMEOUT", null, T1)),
                bad("action", new RequestLifecycleAction(WORKER, null, "ops", null)),
                bad("requestedBy", new RequestLifecycleAction(WORKER, io.cmlfleet.domain.worker.LifecycleAction.STOP,
                        "", null)),
                bad("reason", new MarkTerminated(WORKER, " ", T1)),
                bad("terminatedAt", new MarkTerminated(WORKER, "gone", FAR_FUTURE)),
                bad("idleAfter", new EvaluateIdleness(WORKER, Duration.ZERO, Duration.ZERO, true, T1)),
                bad("snoozeAfterResume", new EvaluateIdleness(WORKER, Duration.ofMinutes(60), Duration.ofSeconds(-1),
                        true, T1)),
                bad("evaluatedAt", new EvaluateIdleness(WORKER, Duration.ofMinutes(60), Duration.ZERO, true,
                        FAR_FUTURE)),
                bad("endpoint", new SetEndpointManually(WORKER, "https://cml.example.com:99999", "ops")),
                bad("endpoint", new SetEndpointManually(WORKER, "https://cml.example.com:0", "ops")),
                bad("endpoint", new SetEndpointManually(WORKER, "https://cml.example.com\r\n", "ops")),
                bad("endpoint", new SetEndpointManually(WORKER, "https://cml.example.com/" + "p".repeat(489), "ops")),
                bad("setBy", new SetEndpointManually(WORKER, "https://cml.example.com", "ops\u001b")),
                bad("clearedBy", new ClearEndpoint(WORKER, "ops\n", "gone")),
                bad("reason", new ClearEndpoint(WORKER, "ops", "gone\u202e")),
                bad("reason", new RequestLifecycleAction(WORKER, io.cmlfleet.domain.worker.LifecycleAction.STOP,
                        "ops", "night\nFAKE LOG LINE")),
                bad("requestedBy", new RequestLifecycleAction(WORKER, io.cmlfleet.domain.worker.LifecycleAction.STOP,
                        " ops", null)),
                bad("reason", new MarkTerminated(WORKER, "gone\u0000", T1)),
                bad("errorCode", new RecordRefreshFailure(WORKER, RefreshStage.HEALTH_CHECK, "TIMEOUT\n", "x", T1)),
                bad("publicIp", new RecordEc2Observation(WORKER, "running", 16, "10.0.0.1\n", null, null, null, T1)),
                bad("ec2State", new RecordEc2Observation(WORKER, "running\r\n", 16, null, null, null, null, T1)),
                bad("stages.result", new RecordRefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T1, T1,
                        List.of(new RefreshStageOutcome(RefreshStage.HEALTH_CHECK, null, null)))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badRegistrations")
    void badRegistrationIsRejectedNamingTheField(String field, Object command) {
        fixture().givenNoPriorActivity()
                .when(command)
                .expectException(InvalidWorkerInputException.class)
                .expectExceptionMessage(containsString("Invalid " + field + ":"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badCommandsOnAnExistingWorker")
    void badCommandIsRejectedNamingTheFieldAndAppendsNothing(String field, Object command) {
        AggregateTestFixture<CMLWorker> fixture = fixture();
        fixture.given(runningAndAvailable())
                .when(command)
                .expectException(InvalidWorkerInputException.class)
                .expectExceptionMessage(containsString("Invalid " + field + ":"))
                .expectNoEvents();
    }

    @org.junit.jupiter.api.Test
    void anEndpointCarryingCredentialsIsRejectedWithoutEchoingThem() {
        fixture().given(runningAndAvailable())
                .when(new SetEndpointManually(WORKER, "https://admin:s3cr3t@cml.example.com", "ops"))
                .expectException(InvalidWorkerInputException.class)
                .expectExceptionMessage(allOf(containsString("Invalid endpoint:"), not(containsString("s3cr3t"))))
                .expectNoEvents();
    }

    private static Arguments bad(String field, Object command) {
        return Arguments.of(field, command);
    }

    private static Map<String, String> tooManyTags() {
        Map<String, String> tags = new HashMap<>();
        IntStream.range(0, 51).forEach(i -> tags.put("k" + i, "v"));
        return tags;
    }
}
