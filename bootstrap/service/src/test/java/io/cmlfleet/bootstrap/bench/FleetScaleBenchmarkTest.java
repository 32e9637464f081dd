package io.cmlfleet.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.adapters.aws.AwsAdapterSettings;
import io.cmlfleet.adapters.aws.AwsAdapters;
import io.cmlfleet.adapters.cml.CmlClientSettings;
import io.cmlfleet.adapters.cml.HttpCmlControllerClient;
import io.cmlfleet.adapters.cml.StaticCmlCredentialsProvider;
import io.cmlfleet.application.lifecycle.IdleStopPolicy;
import io.cmlfleet.application.lifecycle.IdleStopSettings;
import io.cmlfleet.application.lifecycle.WorkerLifecycleService;
import io.cmlfleet.application.port.cloud.InventoryBatch;
import io.cmlfleet.application.port.cloud.TelemetryBatch;
import io.cmlfleet.application.port.cml.CmlCredentials;
import io.cmlfleet.application.refresh.RefreshOutcome;
import io.cmlfleet.application.refresh.RefreshSettings;
import io.cmlfleet.application.refresh.WorkerRef;
import io.cmlfleet.application.refresh.WorkerRefreshPipeline;
import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.eventstore.H2EventTableFactory;
import io.cmlfleet.domain.worker.CMLWorker;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.command.ImportWorker;
import io.cmlfleet.simulator.FleetProfile;
import io.cmlfleet.simulator.SimulatedFleet;
import io.cmlfleet.simulator.SimulatedWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Fleet-scale numbers, against the simulated fleet with the real adapters, for {@code docs/benchmarks.md}. Not part of
 * the test run (tag {@code benchmark}); run with
 * {@code mvn -B -pl bootstrap -am test -Dgroups=benchmark -Dcmlfleet.excluded-tests=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints its measurements; the assertions are on work done (calls), never on time.
 */
@Tag("benchmark")
class FleetScaleBenchmarkTest {

    @Test
    void describingAndSamplingTenThousandInstances() {
        int instances = 10_000;
        try (SimulatedFleet fleet = SimulatedFleet.create(FleetProfile.builder().instances(instances)
                .regions("eu-west-1").noTroubles().build()).start();
             AwsAdapters aws = AwsAdapters.create(awsSettings(fleet))) {
            List<String> ids = fleet.workers().stream().map(SimulatedWorker::instanceId).toList();
            System.gc();
            long heapBefore = usedHeap();

            long start = System.nanoTime();
            InventoryBatch batch = aws.inventory().describeAll("eu-west-1", ids);
            long describeMillis = (System.nanoTime() - start) / 1_000_000;
            long describeCalls = fleet.requests().count("DescribeInstances");
            long statusCalls = fleet.requests().count("DescribeInstanceStatus");

            start = System.nanoTime();
            Instant now = Instant.now();
            TelemetryBatch telemetry = aws.telemetry().sample("eu-west-1", ids, now.minusSeconds(300), now);
            long telemetryMillis = (System.nanoTime() - start) / 1_000_000;
            long metricCalls = fleet.requests().count("GetMetricData");
            long heapAfter = usedHeap();

            System.out.printf("BENCH describe %d instances: %d ms, %d DescribeInstances + %d DescribeInstanceStatus"
                    + " calls%n", instances, describeMillis, describeCalls, statusCalls);
            System.out.printf("BENCH telemetry %d instances: %d ms, %d GetMetricData calls%n", instances,
                    telemetryMillis, metricCalls);
            System.out.printf("BENCH heap growth for both: %d MiB%n", (heapAfter - heapBefore) / (1024 * 1024));
            assertThat(batch.instances()).hasSize(instances);
            assertThat(describeCalls).isEqualTo(10);
            assertThat(telemetry.samples()).hasSize(instances);
            assertThat(metricCalls).isEqualTo(40);
        }
    }

    @Test
    void refreshingAHundredWorkersThroughThePipeline() throws Exception {
        int workers = 100;
        try (SimulatedFleet fleet = SimulatedFleet.create(FleetProfile.builder().instances(workers)
                .regions("eu-west-1", "us-east-1").noTroubles().cmlBootDelay(Duration.ZERO, Duration.ZERO)
                .pendingDuration(Duration.ZERO).build()).start();
             AwsAdapters aws = AwsAdapters.create(awsSettings(fleet))) {
            Configuration axon = axon();
            HttpCmlControllerClient cml = new HttpCmlControllerClient(CmlClientSettings.defaults()
                    .withCaBundlePem(fleet.certificatePem()).withDefaultPort(fleet.cmlPort()),
                    StaticCmlCredentialsProvider.forWholeFleet(new CmlCredentials(fleet.cmlUsername(),
                            fleet.cmlPassword())));
            Clock clock = Clock.systemUTC();
            WorkerLifecycleService lifecycle = new WorkerLifecycleService(aws.lifecycle(), aws.inventory(),
                    axon.commandGateway(), clock);
            WorkerRefreshPipeline pipeline = new WorkerRefreshPipeline(aws.inventory(), cml, aws.telemetry(),
                    axon.commandGateway(), RefreshSettings.defaults(),
                    new IdleStopPolicy(IdleStopSettings.defaults(), lifecycle, clock), clock);
            List<WorkerRef> refs = fleet.workers().stream().map(w -> {
                String id = "bench-" + w.instanceId();
                axon.commandGateway().sendAndWait(new ImportWorker(id, id, w.region(), w.instanceId(), "c5.2xlarge",
                        "ami-12345678", null, Map.of(), "bench"));
                return new WorkerRef(id, w.region(), w.instanceId());
            }).toList();
            fleet.requests().reset();

            long start = System.nanoTime();
            List<RefreshOutcome> first = refs.stream().map(ref -> pipeline.refresh(ref, RefreshTrigger.SCHEDULED,
                    "bench")).toList();
            long firstMillis = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            List<RefreshOutcome> second = refs.stream().map(ref -> pipeline.refresh(ref, RefreshTrigger.SCHEDULED,
                    "bench")).toList();
            long secondMillis = (System.nanoTime() - start) / 1_000_000;

            System.out.printf("BENCH pipeline first refresh of %d workers: %d ms (%.0f workers/s)%n", workers,
                    firstMillis, workers * 1000.0 / firstMillis);
            System.out.printf("BENCH pipeline steady refresh of %d workers: %d ms (%.0f workers/s)%n", workers,
                    secondMillis, workers * 1000.0 / secondMillis);
            System.out.printf("BENCH requests for two cycles: %s%n", fleet.requests().snapshot());
            assertThat(first).allMatch(RefreshOutcome::performed);
            assertThat(second).allMatch(RefreshOutcome::performed);
            axon.shutdown();
        }
    }

    private static AwsAdapterSettings awsSettings(SimulatedFleet fleet) {
        return AwsAdapterSettings.defaults().withEndpointOverride(fleet.awsEndpoint())
                .withCredentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIABENCH", "x")))
                .withRetries(3, Duration.ofMillis(10));
    }

    private static Configuration axon() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        // false: no configurer modules from the classpath (the Axon Server connector would otherwise switch on).
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> CmlfleetSerializer.create())
                .configureEmbeddedEventStore(c -> {
                    JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                            .connectionProvider(new DataSourceConnectionProvider(h2))
                            .transactionManager(NoTransactionManager.INSTANCE)
                            .eventSerializer(c.eventSerializer()).snapshotSerializer(c.serializer()).build();
                    engine.createSchema(H2EventTableFactory.INSTANCE);
                    return engine;
                })
                .configureAggregate(CMLWorker.class)
                .registerComponent(Clock.class, c -> Clock.systemUTC())
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
