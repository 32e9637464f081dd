package io.cmlfleet.simulator;

import static io.cmlfleet.simulator.FleetFixture.REGION;
import static io.cmlfleet.simulator.FleetFixture.quietProfile;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.InventoryBatch;
import io.cmlfleet.application.port.cloud.StatusCheck;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real EC2 inventory adapter (AWS SDK, query protocol) against the simulated fleet. */
class Ec2InventoryAgainstSimulatorTest {

    @Test
    void describesThousandsOfInstancesInAsFewCallsAsTheAdapterPromises() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(2_500)
                .initialAge(Duration.ofMinutes(10)).build())) {
            List<String> ids = fixture.fleet.workers().stream().map(SimulatedWorker::instanceId).toList();

            InventoryBatch batch = fixture.aws().inventory().describeAll(REGION, ids);

            assertThat(batch.instances()).hasSize(2_500);
            assertThat(batch.missing()).isEmpty();
            assertThat(batch.statusChecksComplete()).isTrue();
            assertThat(batch.instances().values()).allSatisfy(snapshot -> {
                assertThat(snapshot.stateName()).isEqualTo("running");
                assertThat(snapshot.stateCode()).isEqualTo(16);
                assertThat(snapshot.systemStatus()).isEqualTo(StatusCheck.OK);
            });
            SimulatedWorker first = fixture.worker(0);
            assertThat(batch.instances().get(first.instanceId()).publicIp()).isEqualTo(first.address());
            assertThat(batch.instances().get(first.instanceId()).tags()).containsEntry("Name", "cml-worker-0");
            // ceil(2500 / 1000) scan pages and ceil(2500 / 100) status batches: never one call per instance.
            assertThat(fixture.fleet.requests().count("DescribeInstances")).isEqualTo(3);
            assertThat(fixture.fleet.requests().count("DescribeInstanceStatus")).isEqualTo(25);
        }
    }

    @Test
    void instancesArePendingThenRunningWithAPublicIpAsSimulatedTimePasses() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(3)
                .pendingDuration(Duration.ofSeconds(5)).statusInitializingDuration(Duration.ofMinutes(2)).build())) {
            SimulatedWorker worker = fixture.worker(1);

            InstanceSnapshot launched = fixture.aws().inventory().describe(REGION, worker.instanceId()).join();
            fixture.clock.advance(Duration.ofSeconds(5));
            InstanceSnapshot running = fixture.aws().inventory().describe(REGION, worker.instanceId()).join();
            fixture.clock.advance(Duration.ofMinutes(2));
            InstanceSnapshot checked = fixture.aws().inventory().describe(REGION, worker.instanceId()).join();

            assertThat(launched.stateName()).isEqualTo("pending");
            assertThat(launched.publicIp()).isNull();
            assertThat(running.stateName()).isEqualTo("running");
            assertThat(running.publicIp()).isEqualTo(worker.address());
            assertThat(running.instanceStatus()).isEqualTo(StatusCheck.INITIALIZING);
            assertThat(checked.instanceStatus()).isEqualTo(StatusCheck.OK);
        }
    }

    @Test
    void workersWithoutPublicIpNeverGetOne() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(4).noPublicIpPercent(100)
                .initialAge(Duration.ofHours(1)).build())) {
            SimulatedWorker worker = fixture.worker(2);

            InstanceSnapshot snapshot = fixture.aws().inventory().describe(REGION, worker.instanceId()).join();

            assertThat(worker.address()).isNull();
            assertThat(snapshot.stateName()).isEqualTo("running");
            assertThat(snapshot.publicIp()).isNull();
            assertThat(snapshot.privateIp()).isNotNull();
        }
    }

    @Test
    void instancesLiveInTheirOwnRegionOnly() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(4).regions("us-east-1", "eu-west-1")
                .initialAge(Duration.ofHours(1)).build())) {
            SimulatedWorker east = fixture.worker(0);
            SimulatedWorker west = fixture.worker(1);

            InventoryBatch fromWest = fixture.aws().inventory().describeAll("eu-west-1",
                    List.of(east.instanceId(), west.instanceId()));

            assertThat(east.region()).isEqualTo("us-east-1");
            assertThat(west.region()).isEqualTo("eu-west-1");
            assertThat(fromWest.instances()).containsOnlyKeys(west.instanceId());
            assertThat(fromWest.missing()).containsExactly(east.instanceId());
        }
    }
}
