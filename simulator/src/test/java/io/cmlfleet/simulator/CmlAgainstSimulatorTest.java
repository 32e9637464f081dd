package io.cmlfleet.simulator;

import static io.cmlfleet.simulator.FleetFixture.quietProfile;
import static io.cmlfleet.simulator.FleetFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cmlfleet.adapters.cml.HttpCmlControllerClient;
import io.cmlfleet.adapters.cml.StaticCmlCredentialsProvider;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlCredentials;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlLabs;
import io.cmlfleet.application.port.cml.CmlLicensing;
import io.cmlfleet.application.port.cml.CmlSystemStats;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The real CML client over HTTPS against the simulated controllers, addressed as the application addresses them:
 * {@code https://<public IP>} without a port, trusting the simulator's certificate as CA bundle.
 */
class CmlAgainstSimulatorTest {

    private static FleetProfile.Builder booting() {
        return quietProfile().instances(3).labsPercent(100).pendingDuration(Duration.ofSeconds(5))
                .cmlBootDelay(Duration.ofMinutes(3), Duration.ofMinutes(6));
    }

    @Test
    void controllerIsUnavailableWhileBootingAndAvailableAfterwards() {
        try (FleetFixture fixture = new FleetFixture(booting().build())) {
            SimulatedWorker worker = fixture.worker(0);
            HttpCmlControllerClient client = fixture.cml();

            fixture.clock.advance(Duration.ofSeconds(5)); // running, CML still booting
            CmlHealthReport booting = client.evaluateHealth(target(worker));
            fixture.clock.advance(Duration.ofMinutes(6));
            CmlHealthReport ready = client.evaluateHealth(target(worker));

            assertThat(booting.status()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
            assertThat(booting.error()).contains("HTTP 502");
            assertThat(fixture.fleet.requests().count("fault:cml-booting")).isEqualTo(1);
            assertThat(ready.status()).isEqualTo(CmlServiceStatus.AVAILABLE);
            assertThat(ready.licensed()).isTrue();
            assertThat(fixture.fleet.requests().count("cml:POST /authenticate")).isEqualTo(1);
        }
    }

    @Test
    void pendingInstanceDoesNotAnswerAtAll() {
        try (FleetFixture fixture = new FleetFixture(booting().build())) {
            CmlHealthReport report = fixture.cml().evaluateHealth(target(fixture.worker(1)));

            assertThat(report.status()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
            assertThat(report.reachable()).isFalse();
            assertThat(report.error()).startsWith("unreachable");
        }
    }

    @Test
    void unlicensedWorkerReportsItInHealthAndLicensing() {
        try (FleetFixture fixture = new FleetFixture(booting().unlicensedPercent(100).initialAge(Duration.ofHours(1)).build())) {
            SimulatedWorker worker = fixture.worker(0);

            CmlHealthReport health = fixture.cml().evaluateHealth(target(worker));
            CmlLicensing licensing = fixture.cml().licensing(target(worker));

            assertThat(health.status()).isEqualTo(CmlServiceStatus.AVAILABLE);
            assertThat(health.licensed()).isFalse();
            assertThat(licensing.registrationStatus()).isEqualTo("NOT_REGISTERED");
            assertThat(licensing.enterprise()).isFalse();
        }
    }

    @Test
    void systemStatsAndLabsMatchTheWorkersTraits() {
        try (FleetFixture fixture = new FleetFixture(booting().initialAge(Duration.ofHours(1)).build())) {
            SimulatedWorker worker = fixture.worker(2);
            HttpCmlControllerClient client = fixture.cml();

            CmlSystemStats stats = client.systemStats(target(worker));
            CmlLabs labs = client.labs(target(worker), true);

            assertThat(stats.computes()).isEqualTo(1);
            assertThat(stats.nodesRunning()).isEqualTo(worker.traits().runningNodes());
            assertThat(stats.nodesTotal()).isEqualTo(worker.traits().totalNodes());
            assertThat(stats.cpuPercent()).isEqualTo(fixture.fleet.cpuPercent(worker.instanceId(), fixture.clock.instant()));
            assertThat(stats.memoryTotalBytes()).isEqualTo(64L * 1024 * 1024 * 1024);
            assertThat(labs.count()).isEqualTo(worker.traits().labNodeCounts().size()).isPositive();
            assertThat(labs.stateByLabId().values()).isSubsetOf("STARTED", "STOPPED");
            assertThat(labs.stateByLabId().values().stream().filter("STARTED"::equals).count())
                    .isEqualTo(worker.traits().labsStarted().stream().filter(Boolean::booleanValue).count());
        }
    }

    @Test
    void wrongPasswordIsRefusedWith403() {
        try (FleetFixture fixture = new FleetFixture(booting().initialAge(Duration.ofHours(1)).build())) {
            HttpCmlControllerClient client = new HttpCmlControllerClient(fixture.cmlSettings(),
                    StaticCmlCredentialsProvider.forWholeFleet(
                            new CmlCredentials("admin", "not-the-password")));

            CmlAccessException refused = catchThrowableOfType(
                    () -> client.systemStats(target(fixture.worker(0))), CmlAccessException.class);

            assertThat(refused.kind()).isEqualTo(CmlAccessException.Kind.BAD_CREDENTIALS);
        }
    }

    @Test
    void flakyWorkerFailsEveryNthRequestWith503() {
        try (FleetFixture fixture = new FleetFixture(booting().flakyPercent(100).flakyFailureEvery(2)
                .initialAge(Duration.ofHours(1)).build())) {
            HttpCmlControllerClient client = fixture.cml();
            SimulatedWorker worker = fixture.worker(0);

            boolean firstReady = client.systemInformation(target(worker)).ready();
            CmlAccessException second = catchThrowableOfType(
                    () -> client.systemInformation(target(worker)), CmlAccessException.class);

            assertThat(firstReady).isTrue();
            assertThat(second.kind()).isEqualTo(CmlAccessException.Kind.SERVER_ERROR);
            assertThat(second.getMessage()).contains("HTTP 503");
        }
    }

    @Test
    void slowWorkerRunsIntoTheClientsReadTimeout() {
        try (FleetFixture fixture = new FleetFixture(booting().slowPercent(100)
                .slowResponseDelay(Duration.ofSeconds(3)).initialAge(Duration.ofHours(1)).build())) {
            HttpCmlControllerClient client = fixture.cml(fixture.cmlSettings()
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));

            CmlHealthReport report = client.evaluateHealth(target(fixture.worker(0)));

            assertThat(report.status()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
            assertThat(report.error()).startsWith("timeout");
        }
    }

    @Test
    void workerWithoutPublicIpCannotBeReached() {
        try (FleetFixture fixture = new FleetFixture(booting().instances(1).noPublicIpPercent(100)
                .initialAge(Duration.ofHours(1)).build())) {
            // Its would-be address, 127.77.0.1: nothing answers there for it.
            CmlTarget guessed = new CmlTarget(
                    fixture.worker(0).instanceId(), URI.create("https://" + LoopbackAddresses.forOrdinal(0)));

            CmlHealthReport report = fixture.cml().evaluateHealth(guessed);

            assertThat(fixture.worker(0).address()).isNull();
            assertThat(report.status()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
        }
    }
}
