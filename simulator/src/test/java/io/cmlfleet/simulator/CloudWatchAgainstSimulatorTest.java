package io.cmlfleet.simulator;

import static io.cmlfleet.simulator.FleetFixture.REGION;
import static io.cmlfleet.simulator.FleetFixture.quietProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.TelemetryBatch;
import io.cmlfleet.application.port.cloud.TelemetrySample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real CloudWatch telemetry adapter (Smithy RPC v2 CBOR) against the simulated fleet. */
class CloudWatchAgainstSimulatorTest {

    @Test
    void newestCpuAndMemoryDatapointsComeFromTheLoadModel() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(3).initialAge(Duration.ofHours(1)).build())) {
            fixture.clock.advance(Duration.ofMinutes(7)); // 08:07, so the newest 5-minute period starts at 08:05
            Instant now = fixture.clock.instant();
            Instant newestPeriod = Instant.parse("2026-11-24T08:05:00Z");
            List<String> ids = fixture.fleet.workers().stream().map(SimulatedWorker::instanceId).toList();

            TelemetryBatch batch = fixture.aws().telemetry().sample(REGION, ids, now.minus(Duration.ofMinutes(15)), now);

            assertThat(batch.partialData()).isFalse();
            for (String id : ids) {
                TelemetrySample sample = batch.samples().get(id);
                assertThat(sample.sampledAt()).isEqualTo(newestPeriod);
                assertThat(sample.cpuPercent()).isEqualTo(fixture.fleet.cpuPercent(id, newestPeriod));
                assertThat(sample.memoryPercent()).isEqualTo(fixture.fleet.memoryPercent(id, newestPeriod));
                assertThat(sample.cpuPercent()).isBetween(0.0, 100.0);
            }
            assertThat(fixture.fleet.requests().count("GetMetricData")).isEqualTo(1);
        }
    }

    @Test
    void loadVariesOverTimeAndBetweenWorkers() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(2).initialAge(Duration.ofHours(1)).build())) {
            String first = fixture.worker(0).instanceId();
            String second = fixture.worker(1).instanceId();
            Instant at = FleetFixture.START;

            assertThat(fixture.fleet.cpuPercent(first, at)).isNotEqualTo(fixture.fleet.cpuPercent(first, at.plusSeconds(3600)));
            assertThat(fixture.fleet.cpuPercent(first, at)).isNotEqualTo(fixture.fleet.cpuPercent(second, at));
            assertThat(fixture.fleet.cpuPercent(first, at)).isEqualTo(fixture.fleet.cpuPercent(first, at));
        }
    }

    @Test
    void aStoppedInstanceReportsNoNewDatapoints() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(2).initialAge(Duration.ofHours(1)).build())) {
            String stopped = fixture.worker(0).instanceId();
            String running = fixture.worker(1).instanceId();
            fixture.aws().lifecycle().stop(REGION, stopped);
            fixture.clock.advance(Duration.ofMinutes(30));
            Instant now = fixture.clock.instant();

            TelemetryBatch batch = fixture.aws().telemetry().sample(REGION, List.of(stopped, running),
                    now.minus(Duration.ofMinutes(10)), now);

            assertThat(batch.samples().get(stopped).hasData()).isFalse();
            assertThat(batch.samples().get(running).hasData()).isTrue();
        }
    }

    @Test
    void unknownInstancesGetEmptyResultsNotErrors() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(1).initialAge(Duration.ofHours(1)).build())) {
            Instant now = fixture.clock.instant();

            TelemetryBatch batch = fixture.aws().telemetry().sample(REGION, List.of("i-0000000000000dead"),
                    now.minus(Duration.ofMinutes(10)), now);

            assertThat(batch.samples().get("i-0000000000000dead").hasData()).isFalse();
        }
    }

    @Test
    void threeHundredInstancesNeedTwoCallsOfAtMost500Queries() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(300).initialAge(Duration.ofHours(1)).build())) {
            Instant now = fixture.clock.instant();
            List<String> ids = fixture.fleet.workers().stream().map(SimulatedWorker::instanceId).toList();

            TelemetryBatch batch = fixture.aws().telemetry().sample(REGION, ids, now.minus(Duration.ofMinutes(10)), now);

            assertThat(batch.samples().values()).allMatch(TelemetrySample::hasData);
            assertThat(fixture.fleet.requests().count("GetMetricData")).isEqualTo(2);
        }
    }

    @Test
    void injectedThrottlingReachesTheAdapterAsCloudWatchThrottling() {
        try (FleetFixture fixture = new FleetFixture(quietProfile().instances(1).throttlePercent(100)
                .initialAge(Duration.ofHours(1)).build())) {
            Instant now = fixture.clock.instant();
            String id = fixture.worker(0).instanceId();

            CloudAccessException throttled = catchThrowableOfType(() -> fixture.aws().telemetry()
                    .sample(REGION, List.of(id), now.minus(Duration.ofMinutes(10)), now), CloudAccessException.class);

            assertThat(throttled.kind()).isEqualTo(CloudAccessException.Kind.THROTTLED);
            assertThat(throttled.providerErrorCode()).isEqualTo("Throttling");
            assertThat(fixture.fleet.requests().count("GetMetricData")).isEqualTo(3);
        }
    }
}
