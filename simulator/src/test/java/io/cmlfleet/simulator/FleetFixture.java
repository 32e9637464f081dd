package io.cmlfleet.simulator;

import io.cmlfleet.adapters.aws.AwsAdapterSettings;
import io.cmlfleet.adapters.aws.AwsAdapters;
import io.cmlfleet.adapters.cml.CmlClientSettings;
import io.cmlfleet.adapters.cml.HttpCmlControllerClient;
import io.cmlfleet.adapters.cml.StaticCmlCredentialsProvider;
import io.cmlfleet.application.port.cml.CmlCredentials;
import io.cmlfleet.application.port.cml.CmlTarget;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A started fleet on a {@link ManualClock} plus the real adapters pointed at it, configured exactly as the
 * application would be (see docs/simulator.md). Close it after each test.
 */
final class FleetFixture implements AutoCloseable {

    static final String REGION = "us-east-1";
    /** On a 5-minute boundary, so CloudWatch periods are easy to reason about. */
    static final Instant START = Instant.parse("2026-11-24T08:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final SimulatedFleet fleet;
    private AwsAdapters aws;

    FleetFixture(FleetProfile profile) {
        fleet = SimulatedFleet.create(profile, clock).start();
    }

    static FleetProfile.Builder quietProfile() {
        return FleetProfile.builder().noTroubles().cmlCredentials("admin", "sim-Passw0rd");
    }

    AwsAdapterSettings awsSettings() {
        return AwsAdapterSettings.defaults()
                .withEndpointOverride(fleet.awsEndpoint())
                .withCredentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIASIMULATEDFLEET00", "simulatedSecretKeyNotARealOne000000000")))
                .withRetries(3, Duration.ofMillis(1))
                .withApiCallTimeout(Duration.ofSeconds(20));
    }

    AwsAdapters aws() {
        if (aws == null) {
            aws = AwsAdapters.create(awsSettings(), clock);
        }
        return aws;
    }

    AwsAdapters aws(AwsAdapterSettings settings) {
        if (aws != null) {
            aws.close();
        }
        aws = AwsAdapters.create(settings, clock);
        return aws;
    }

    /** Trusts the simulator's certificate as CA bundle; endpoints without a port go to the simulator's port. */
    CmlClientSettings cmlSettings() {
        return CmlClientSettings.defaults()
                .withCaBundlePem(fleet.certificatePem())
                .withDefaultPort(fleet.cmlPort())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    HttpCmlControllerClient cml(CmlClientSettings settings) {
        return new HttpCmlControllerClient(settings, StaticCmlCredentialsProvider.forWholeFleet(
                new CmlCredentials(fleet.cmlUsername(), fleet.cmlPassword())));
    }

    HttpCmlControllerClient cml() {
        return cml(cmlSettings());
    }

    /** The endpoint the application derives from the EC2 public IP: https plus the IP, no port. */
    static CmlTarget target(SimulatedWorker worker) {
        return new CmlTarget(worker.instanceId(), URI.create("https://" + worker.address()));
    }

    SimulatedWorker worker(int index) {
        return fleet.workers().get(index);
    }

    @Override
    public void close() {
        if (aws != null) {
            aws.close();
        }
        fleet.close();
    }
}
