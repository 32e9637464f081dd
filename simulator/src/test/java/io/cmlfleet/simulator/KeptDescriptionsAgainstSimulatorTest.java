package io.cmlfleet.simulator;

import static io.cmlfleet.simulator.FleetFixture.REGION;
import static io.cmlfleet.simulator.FleetFixture.quietProfile;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.adapters.aws.AwsAdapters;
import io.cmlfleet.application.port.cloud.InstanceInventory;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.InventoryBatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The EC2 inventory reuses what DescribeInstances said while DescribeInstanceStatus reports the same state: the
 * slots of one cycle share one region scan, and a changed state, or a change made through cmlfleet, is described
 * again at once.
 */
class KeptDescriptionsAgainstSimulatorTest {

    private static final int FLEET = 2_500;
    private static final int SLOT = 500;

    @Test
    void laterSlotsOfACycleCostOnlyTheirStatusCalls() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(FLEET)
                .initialAge(Duration.ofMinutes(10)).build())) {
            List<String> ids = ids(fixture);
            InstanceInventory inventory = fixture.aws().inventory();

            inventory.describeAll(REGION, ids.subList(0, SLOT));
            long scanPages = fixture.fleet.requests().count("DescribeInstances");
            fixture.fleet.requests().reset();
            InventoryBatch laterSlot = inventory.describeAll(REGION, ids.subList(SLOT, 2 * SLOT));

            // The first slot's 500 ids are above one filtered call, so the region was scanned: 3 pages of 1,000.
            assertThat(scanPages).isEqualTo(3);
            assertThat(fixture.fleet.requests().count("DescribeInstances")).isZero();
            assertThat(fixture.fleet.requests().count("DescribeInstanceStatus")).isEqualTo(SLOT / 100);
            SimulatedWorker worker = fixture.worker(SLOT + 7);
            InstanceSnapshot snapshot = laterSlot.instances().get(worker.instanceId());
            assertThat(laterSlot.instances()).hasSize(SLOT);
            assertThat(laterSlot.missing()).isEmpty();
            assertThat(snapshot.stateName()).isEqualTo("running");
            assertThat(snapshot.publicIp()).isEqualTo(worker.address());
            assertThat(snapshot.tags()).containsEntry("Name", "cml-worker-" + (SLOT + 7));
        }
    }

    @Test
    void onceTheDescriptionsAgedOutTheNextSlotScansTheRegionForTheSlotsToCome() {
        int region = 5_000; // 5 scan pages against a slot's 3 filtered calls: the 10,000-worker benchmark's shape
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(region)
                .initialAge(Duration.ofMinutes(10)).build())) {
            List<String> ids = ids(fixture);
            InstanceInventory inventory = fixture.aws().inventory();
            for (int slot = 0; slot < region / SLOT; slot++) {
                inventory.describeAll(REGION, ids.subList(slot * SLOT, (slot + 1) * SLOT));
            }

            fixture.clock.advance(Duration.ofMinutes(5));
            fixture.fleet.requests().reset();
            inventory.describeAll(REGION, ids.subList(0, SLOT));
            long firstSlot = fixture.fleet.requests().count("DescribeInstances");
            inventory.describeAll(REGION, ids.subList(SLOT, 2 * SLOT));

            // Its own 500 ids alone would take 3 filtered calls, and every later slot 3 more: the scan's 5 pages
            // describe the 4,500 still to come as well.
            assertThat(firstSlot).isEqualTo(5);
            assertThat(fixture.fleet.requests().count("DescribeInstances")).isEqualTo(5);
        }
    }

    @Test
    void anInstanceStoppedOutsideCmlfleetIsDescribedAgain() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(4)
                .initialAge(Duration.ofMinutes(10)).build());
             AwsAdapters someoneElse = AwsAdapters.create(fixture.awsSettings())) {
            List<String> ids = ids(fixture);
            InstanceInventory inventory = fixture.aws().inventory();
            inventory.describeAll(REGION, ids);

            someoneElse.lifecycle().stop(REGION, ids.get(1));
            fixture.fleet.requests().reset();
            InventoryBatch after = inventory.describeAll(REGION, ids);

            assertThat(after.instances().get(ids.get(1)).stateName()).isIn("stopping", "stopped");
            assertThat(after.instances().get(ids.get(1)).publicIp()).isNull();
            assertThat(after.instances().get(ids.get(0)).stateName()).isEqualTo("running");
            assertThat(fixture.fleet.requests().count("DescribeInstances")).isEqualTo(1);
            // The status call that showed the change gave the checks too: it is not made again for that instance.
            assertThat(fixture.fleet.requests().count("DescribeInstanceStatus")).isEqualTo(1);
        }
    }

    @Test
    void tagsWrittenThroughCmlfleetAreSeenOnTheNextDescribe() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(2)
                .initialAge(Duration.ofMinutes(10)).build())) {
            String id = ids(fixture).get(0);
            InstanceInventory inventory = fixture.aws().inventory();
            inventory.describeAll(REGION, List.of(id));

            fixture.aws().lifecycle().createTags(REGION, id, Map.of("team", "netops"));
            InventoryBatch after = inventory.describeAll(REGION, List.of(id));

            assertThat(after.instances().get(id).tags()).containsEntry("team", "netops");
        }
    }

    @Test
    void aZeroMaximumAgeDescribesEveryInstanceEveryTime() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(4)
                .initialAge(Duration.ofMinutes(10)).build())) {
            List<String> ids = ids(fixture);
            InstanceInventory inventory = fixture.aws(fixture.awsSettings().withDescriptionMaxAge(Duration.ZERO))
                    .inventory();

            inventory.describeAll(REGION, ids);
            inventory.describeAll(REGION, ids);

            assertThat(fixture.fleet.requests().count("DescribeInstances")).isEqualTo(2);
        }
    }

    private static List<String> ids(FleetFixture fixture) {
        return fixture.fleet.workers().stream().map(SimulatedWorker::instanceId).toList();
    }
}
