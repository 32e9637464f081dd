package io.cmlfleet.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Profiles produce the same fleet for the same seed, and the configured shares of troubled workers. */
class FleetProfileTest {

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-24T08:00:00Z"));

    @Test
    void sameSeedSameFleetOtherSeedOtherFleet() {
        FleetProfile profile = FleetProfile.builder().instances(50).seed(1).build();

        List<SimulatedWorker> first = SimulatedFleet.create(profile, CLOCK).workers();
        List<SimulatedWorker> again = SimulatedFleet.create(profile, CLOCK).workers();
        List<SimulatedWorker> other = SimulatedFleet.create(profile.toBuilder().seed(2).build(), CLOCK).workers();

        assertThat(again).isEqualTo(first);
        assertThat(other.get(0).instanceId()).isNotEqualTo(first.get(0).instanceId());
        assertThat(first.get(0).instanceId()).matches("i-0[0-9a-f]{16}");
    }

    @Test
    void percentagesBecomeSharesOfTheFleet() {
        FleetProfile profile = FleetProfile.builder().instances(10_000).slowPercent(10).flakyPercent(5)
                .unlicensedPercent(20).noPublicIpPercent(3).labsPercent(60).build();

        List<InstanceTraits> traits = SimulatedFleet.create(profile, CLOCK).workers().stream()
                .map(SimulatedWorker::traits).toList();

        assertThat(share(traits.stream().filter(InstanceTraits::slow).count())).isBetween(9.0, 11.0);
        assertThat(share(traits.stream().filter(InstanceTraits::flaky).count())).isBetween(4.0, 6.0);
        assertThat(share(traits.stream().filter(InstanceTraits::unlicensed).count())).isBetween(19.0, 21.0);
        assertThat(share(traits.stream().filter(t -> !t.publicIp()).count())).isBetween(2.0, 4.0);
        assertThat(share(traits.stream().filter(t -> !t.labNodeCounts().isEmpty()).count())).isBetween(58.0, 62.0);
        assertThat(traits).allSatisfy(t -> assertThat(t.cmlBootDelay())
                .isBetween(profile.minCmlBootDelay(), profile.maxCmlBootDelay()));
    }

    @Test
    void workersSpreadRoundRobinOverRegions() {
        FleetProfile profile = FleetProfile.builder().instances(6).regions("us-east-1", "eu-central-1").build();

        List<String> regions = SimulatedFleet.create(profile, CLOCK).workers().stream().map(SimulatedWorker::region).toList();

        assertThat(regions).containsExactly("us-east-1", "eu-central-1", "us-east-1", "eu-central-1", "us-east-1",
                "eu-central-1");
    }

    @Test
    void invalidProfilesAreRefused() {
        assertThatThrownBy(() -> FleetProfile.builder().slowPercent(101).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FleetProfile.builder().regions().build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FleetProfile.builder()
                .cmlBootDelay(Duration.ofMinutes(5), Duration.ofMinutes(1)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsThePassword() {
        FleetProfile profile = FleetProfile.builder().cmlCredentials("admin", "very-secret-1").build();

        assertThat(profile.toString()).doesNotContain("very-secret-1");
    }

    @Test
    void loopbackAddressesAvoidNetworkAndBroadcastLikeHostBytes() {
        assertThat(LoopbackAddresses.forOrdinal(0)).isEqualTo("127.77.0.1");
        assertThat(LoopbackAddresses.forOrdinal(249)).isEqualTo("127.77.0.250");
        assertThat(LoopbackAddresses.forOrdinal(250)).isEqualTo("127.77.1.1");
        assertThat(LoopbackAddresses.forOrdinal(LoopbackAddresses.CERTIFIED_ADDRESSES - 1)).isEqualTo("127.77.7.250");
    }

    private static double share(long count) {
        return count * 100.0 / 10_000;
    }
}
