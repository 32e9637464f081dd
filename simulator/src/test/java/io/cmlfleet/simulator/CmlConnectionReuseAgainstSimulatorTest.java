package io.cmlfleet.simulator;

import static io.cmlfleet.simulator.FleetFixture.quietProfile;
import static io.cmlfleet.simulator.FleetFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.adapters.cml.HttpCmlControllerClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Calls made one after another to one controller share one kept-alive TLS connection, for every controller of a
 * large simulated fleet. The simulator is one JDK HTTPS server for all controllers, and that server, left at its
 * defaults, keeps only 200 idle connections in all: beyond them it closed each connection after its response, so
 * benchmarks of fleets above 200 workers paid a TLS handshake per CML call (7.3 per refresh of 7.5 calls at 1,000
 * workers), which no nginx in front of a real controller does.
 */
class CmlConnectionReuseAgainstSimulatorTest {

    /** Above the JDK HTTP server's default cap of 200 idle connections. */
    private static final int CONTROLLERS = 260;

    @Test
    void everyControllerKeepsItsConnectionWhileHundredsAreIdle() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(CONTROLLERS)
                .initialAge(Duration.ofHours(1)).build())) {
            HttpCmlControllerClient client = fixture.cml();
            // First one call to each, so that all their connections are idle at once, then a second round.
            for (int round = 0; round < 2; round++) {
                for (SimulatedWorker worker : fixture.fleet.workers()) {
                    client.systemInformation(target(worker));
                }
            }

            RequestCounters counted = fixture.fleet.requests();
            assertThat(counted.count("cml:GET /system_information")).isEqualTo(2L * CONTROLLERS);
            assertThat(counted.count(CountingHttpsConfigurator.CONNECTIONS)).isEqualTo(CONTROLLERS);
        }
    }
}
