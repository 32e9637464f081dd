package io.cmlfleet.bootstrap.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.simulator.LoopbackAddresses;
import org.junit.jupiter.api.Test;

/**
 * The simulator's certificate names its first 2,000 controller addresses: a larger simulated fleet is reached with
 * verification off (its controllers beyond them failed host name verification and never became AVAILABLE, seen in
 * the 10,000-worker benchmark), and a fleet within them is verified unless the operator switched it off.
 */
class SimulatedControllerTrustTest {

    @Test
    void fleetsWithinTheCertifiedAddressesAreVerifiedAsConfigured() {
        assertThat(SimulatorAutoConfiguration.verifyTls(LoopbackAddresses.CERTIFIED_ADDRESSES, true)).isTrue();
        assertThat(SimulatorAutoConfiguration.verifyTls(12, false)).isFalse();
    }

    @Test
    void aFleetBeyondThemIsNotVerified() {
        assertThat(SimulatorAutoConfiguration.verifyTls(LoopbackAddresses.CERTIFIED_ADDRESSES + 1, true)).isFalse();
        assertThat(SimulatorAutoConfiguration.verifyTls(10_000, true)).isFalse();
    }
}
