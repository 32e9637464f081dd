package io.cmlfleet.adapters.aws;

import io.cmlfleet.application.concurrent.DaemonThreads;
import io.cmlfleet.application.port.cloud.InstanceInventory;
import io.cmlfleet.application.port.cloud.InstanceLifecycle;
import io.cmlfleet.application.port.cloud.TelemetrySource;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the AWS adapter module: builds the three cloud ports over one shared set of per-region SDK clients
 * and owns their lifecycle. Create one per application and close it on shutdown.
 */
public final class AwsAdapters implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AwsAdapters.class);

    private final RegionalClients clients;
    private final ScheduledExecutorService coalescingTimer;
    private final ExecutorService describeWorkers;
    private final Ec2InstanceInventory inventory;
    private final CloudWatchTelemetrySource telemetry;
    private final Ec2InstanceLifecycle lifecycle;

    public static AwsAdapters create(AwsAdapterSettings settings) {
        return create(settings, Clock.systemUTC());
    }

    /** @param clock ages the kept instance descriptions ({@link AwsAdapterSettings#descriptionMaxAge()}) */
    public static AwsAdapters create(AwsAdapterSettings settings, Clock clock) {
        return new AwsAdapters(settings, new SdkClientFactory(settings), clock);
    }

    /** Package-private so tests can observe client creation. */
    AwsAdapters(AwsAdapterSettings settings, AwsClientFactory clientFactory) {
        this(settings, clientFactory, Clock.systemUTC());
    }

    private AwsAdapters(AwsAdapterSettings settings, AwsClientFactory clientFactory, Clock clock) {
        log.info("AWS adapters configured: {}", settings);
        this.clients = new RegionalClients(clientFactory);
        this.coalescingTimer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("aws-coalesce-timer"));
        this.describeWorkers = Executors.newCachedThreadPool(DaemonThreads.named("aws-describe"));
        InstanceDescriptions descriptions = new InstanceDescriptions(settings.descriptionMaxAge(), clock::instant);
        this.inventory = new Ec2InstanceInventory(clients,
                new DescribeCoalescer.Scheduling(coalescingTimer, describeWorkers, settings.coalescingWindow()),
                descriptions);
        this.telemetry = new CloudWatchTelemetrySource(clients, settings);
        this.lifecycle = new Ec2InstanceLifecycle(clients, descriptions);
    }

    public InstanceInventory inventory() {
        return inventory;
    }

    public TelemetrySource telemetry() {
        return telemetry;
    }

    public InstanceLifecycle lifecycle() {
        return lifecycle;
    }

    @Override
    public void close() {
        coalescingTimer.shutdownNow();
        inventory.close();
        describeWorkers.shutdown();
        clients.close();
    }
}
