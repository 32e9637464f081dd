package io.cmlfleet.simulator;

import static io.cmlfleet.simulator.FleetFixture.REGION;
import static io.cmlfleet.simulator.FleetFixture.quietProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.InstanceLifecycle;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.LaunchRequest;
import io.cmlfleet.application.port.cloud.StateTransition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Start, stop, terminate, launch and tag through the real EC2 lifecycle adapter. */
class Ec2LifecycleAgainstSimulatorTest {

    private static final String UNKNOWN_ID = "i-0000000000000dead";

    private static FleetProfile runningFleet() {
        return quietProfile().instances(3).initialAge(Duration.ofHours(1))
                .stoppingDuration(Duration.ofSeconds(10)).shuttingDownDuration(Duration.ofSeconds(20))
                .pendingDuration(Duration.ofSeconds(5)).terminatedVisibility(Duration.ofHours(1)).build();
    }

    @Test
    void stopGoesThroughStoppingToStoppedAndStartBackToRunning() {
        try (FleetFixture fixture = new FleetFixture(runningFleet())) {
            InstanceLifecycle lifecycle = fixture.aws().lifecycle();
            String id = fixture.worker(0).instanceId();

            StateTransition stop = lifecycle.stop(REGION, id);
            String stopping = fixture.fleet.state(id).wireName();
            fixture.clock.advance(Duration.ofSeconds(10));
            InstanceSnapshot stopped = fixture.aws().inventory().describe(REGION, id).join();
            StateTransition start = lifecycle.start(REGION, id);
            fixture.clock.advance(Duration.ofSeconds(5));

            assertThat(stop.previousStateName()).isEqualTo("running");
            assertThat(stop.currentStateName()).isEqualTo("stopping");
            assertThat(stop.currentStateCode()).isEqualTo(64);
            assertThat(stopping).isEqualTo("stopping");
            assertThat(stopped.stateName()).isEqualTo("stopped");
            assertThat(stopped.publicIp()).isNull();
            assertThat(start.previousStateName()).isEqualTo("stopped");
            assertThat(start.currentStateName()).isEqualTo("pending");
            assertThat(fixture.fleet.state(id)).isEqualTo(InstanceState.RUNNING);
        }
    }

    @Test
    void terminateGoesThroughShuttingDownAndTheInstanceDisappearsLater() {
        try (FleetFixture fixture = new FleetFixture(runningFleet())) {
            String id = fixture.worker(1).instanceId();

            StateTransition terminate = fixture.aws().lifecycle().terminate(REGION, id);
            fixture.clock.advance(Duration.ofSeconds(20));
            InstanceSnapshot terminated = fixture.aws().inventory().describe(REGION, id).join();
            StateTransition again = fixture.aws().lifecycle().terminate(REGION, id);
            fixture.clock.advance(Duration.ofHours(1));

            assertThat(terminate.previousStateName()).isEqualTo("running");
            assertThat(terminate.currentStateName()).isEqualTo("shutting-down");
            assertThat(terminated.stateName()).isEqualTo("terminated");
            assertThat(terminated.stateCode()).isEqualTo(48);
            assertThat(again.currentStateName()).isEqualTo("terminated");
            assertThat(fixture.aws().inventory().describeAll(REGION, List.of(id)).missing()).containsExactly(id);
        }
    }

    @Test
    void startingATerminatedInstanceIsRefusedAsEc2Does() {
        try (FleetFixture fixture = new FleetFixture(runningFleet())) {
            String id = fixture.worker(2).instanceId();
            fixture.aws().lifecycle().terminate(REGION, id);

            CloudAccessException refused = catchThrowableOfType(
                    () -> fixture.aws().lifecycle().start(REGION, id), CloudAccessException.class);

            assertThat(refused.providerErrorCode()).isEqualTo("IncorrectInstanceState");
            // A wrong state is the caller's request EC2 refused, not a failing AWS: answered as 422, never 502.
            assertThat(refused.kind()).isEqualTo(CloudAccessException.Kind.INVALID_REQUEST);
            assertThat(fixture.fleet.state(id)).isEqualTo(InstanceState.SHUTTING_DOWN);
        }
    }

    @Test
    void unknownInstanceIdIsInvalidInstanceIdNotFound() {
        try (FleetFixture fixture = new FleetFixture(runningFleet())) {
            CloudAccessException onStop = catchThrowableOfType(
                    () -> fixture.aws().lifecycle().stop(REGION, UNKNOWN_ID), CloudAccessException.class);
            CompletionException onDescribe = catchThrowableOfType(
                    () -> fixture.aws().inventory().describe(REGION, UNKNOWN_ID).join(), CompletionException.class);

            assertThat(onStop.kind()).isEqualTo(CloudAccessException.Kind.UNKNOWN_INSTANCE);
            assertThat(onStop.providerErrorCode()).isEqualTo("InvalidInstanceID.NotFound");
            assertThat(onDescribe.getCause()).isInstanceOfSatisfying(CloudAccessException.class,
                    e -> assertThat(e.kind()).isEqualTo(CloudAccessException.Kind.UNKNOWN_INSTANCE));
        }
    }

    @Test
    void launchCreatesATaggedPendingInstanceOnceperClientToken() {
        try (FleetFixture fixture = new FleetFixture(runningFleet())) {
            LaunchRequest request = new LaunchRequest("ami-0123456789abcdef0", "c5.4xlarge", null, List.of(), null,
                    Map.of("Name", "new-worker"), "launch-token-1");

            InstanceSnapshot launched = fixture.aws().lifecycle().launch(REGION, request);
            InstanceSnapshot retried = fixture.aws().lifecycle().launch(REGION, request);
            fixture.aws().lifecycle().createTags(REGION, launched.instanceId(), Map.of("cmlfleet:worker", "w-9"));
            InstanceSnapshot described = fixture.aws().inventory().describe(REGION, launched.instanceId()).join();

            assertThat(launched.stateName()).isEqualTo("pending");
            assertThat(launched.instanceType()).isEqualTo("c5.4xlarge");
            assertThat(launched.tags()).containsEntry("Name", "new-worker");
            assertThat(retried.instanceId()).isEqualTo(launched.instanceId());
            assertThat(described.tags()).containsEntry("Name", "new-worker").containsEntry("cmlfleet:worker", "w-9");
            assertThat(fixture.fleet.workers()).hasSize(4);
        }
    }

    @Test
    void throttlingIsInjectedAsRequestLimitExceeded() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(2).throttlePercent(100).build())) {
            String id = fixture.worker(0).instanceId();

            CloudAccessException throttled = catchThrowableOfType(
                    () -> fixture.aws().lifecycle().stop(REGION, id), CloudAccessException.class);

            assertThat(throttled.kind()).isEqualTo(CloudAccessException.Kind.THROTTLED);
            assertThat(throttled.providerErrorCode()).isEqualTo("RequestLimitExceeded");
            // The SDK retried up to its configured three attempts, each refused.
            assertThat(fixture.fleet.requests().count("fault:throttled")).isEqualTo(3);
            assertThat(fixture.fleet.state(id)).isEqualTo(InstanceState.PENDING);
        }
    }
}
