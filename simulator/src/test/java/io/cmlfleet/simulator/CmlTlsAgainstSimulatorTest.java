package io.cmlfleet.simulator;

import static io.cmlfleet.simulator.FleetFixture.quietProfile;
import static io.cmlfleet.simulator.FleetFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How clients trust the simulated controllers: the simulator's PEM as CA bundle, or verification off. */
class CmlTlsAgainstSimulatorTest {

    private static FleetProfile readyFleet() {
        return quietProfile().instances(2).initialAge(Duration.ofHours(1)).build();
    }

    @Test
    void simulatorCertificateAsCaBundlePassesVerificationIncludingTheHostName() {
        try (FleetFixture fixture = new FleetFixture(readyFleet())) {
            CmlHealthReport report = fixture.cml().evaluateHealth(target(fixture.worker(1)));

            assertThat(fixture.fleet.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(report.status()).isEqualTo(CmlServiceStatus.AVAILABLE);
        }
    }

    @Test
    void jdkDefaultTrustRefusesTheSelfSignedCertificate() {
        try (FleetFixture fixture = new FleetFixture(readyFleet())) {
            CmlHealthReport report = fixture.cml(fixture.cmlSettings().withCaBundlePem(null))
                    .evaluateHealth(target(fixture.worker(0)));

            assertThat(report.status()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
            assertThat(report.error()).startsWith("TLS failure");
        }
    }

    @Test
    void verificationOffIsTheAlternative() {
        try (FleetFixture fixture = new FleetFixture(readyFleet())) {
            CmlHealthReport report = fixture.cml(fixture.cmlSettings().withCaBundlePem(null).withVerifyTls(false))
                    .evaluateHealth(target(fixture.worker(0)));

            assertThat(report.status()).isEqualTo(CmlServiceStatus.AVAILABLE);
        }
    }

    @Test
    void workersAreToldApartByTheAddressTheyWereReachedOn() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(20).unlicensedPercent(50)
                .initialAge(Duration.ofHours(1)).build())) {
            SimulatedWorker licensed = fixture.fleet.workers().stream()
                    .filter(worker -> !worker.traits().unlicensed()).findFirst().orElseThrow();
            SimulatedWorker unlicensed = fixture.fleet.workers().stream()
                    .filter(worker -> worker.traits().unlicensed()).findFirst().orElseThrow();

            Boolean reportedForLicensed = fixture.cml().evaluateHealth(target(licensed)).licensed();
            Boolean reportedForUnlicensed = fixture.cml().evaluateHealth(target(unlicensed)).licensed();

            assertThat(reportedForLicensed).isTrue();
            assertThat(reportedForUnlicensed).isFalse();
        }
    }
}
