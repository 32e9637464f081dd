package io.cmlfleet.simulator;

import static io.cmlfleet.simulator.FleetFixture.REGION;
import static io.cmlfleet.simulator.FleetFixture.quietProfile;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.port.cloud.InventoryBatch;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 10,000 instances must stay cheap: no thread per instance, no work while time passes, and work per request that
 * grows with what was asked, not with the clock. Asserts on threads, state derivations and requests, never on time.
 */
class FleetCheapnessTest {

    private static final int FLEET = 10_000;

    @Test
    void tenThousandInstancesCostNoThreadsAndNoWorkWhileIdle() {
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(FLEET).build())) {
            int threadsAfterStart = ManagementFactory.getThreadMXBean().getThreadCount();

            fixture.clock.advance(Duration.ofHours(24));

            // A dispatcher and an idle timer per server; one thread per instance would add 10,000.
            assertThat(threadsAfterStart - threadsBefore).isLessThanOrEqualTo(8);
            assertThat(fixture.fleet.workers()).hasSize(FLEET);
            assertThat(fixture.fleet.stateEvaluations()).isZero();
            assertThat(fixture.fleet.requests().snapshot()).isEmpty();
        }
    }

    @Test
    void describingTenThousandInstancesDerivesEachStateOncePerCallKind() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(FLEET).initialAge(Duration.ofHours(1)).build())) {
            List<String> ids = fixture.fleet.workers().stream().map(SimulatedWorker::instanceId).toList();

            InventoryBatch batch = fixture.aws().inventory().describeAll(REGION, ids);

            assertThat(batch.instances()).hasSize(FLEET);
            assertThat(fixture.fleet.requests().count("DescribeInstances")).isEqualTo(10);
            assertThat(fixture.fleet.requests().count("DescribeInstanceStatus")).isEqualTo(100);
            // Once while listing, once while reporting status checks: linear in the instances described.
            assertThat(fixture.fleet.stateEvaluations()).isEqualTo(2L * FLEET);
        }
    }

    @Test
    void addressesAreUniqueAcrossTheWholeFleet() {
        SimulatedFleet fleet = SimulatedFleet.create(quietProfile().instances(FLEET).build(), new ManualClock(FleetFixture.START));

        assertThat(fleet.workers().stream().map(SimulatedWorker::address).distinct().count()).isEqualTo(FLEET);
        assertThat(fleet.workers().stream().map(SimulatedWorker::instanceId).distinct().count()).isEqualTo(FLEET);
    }
}
