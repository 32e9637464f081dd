package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.simulator.SimulatedFleet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real service (the runnable application's configuration, the real adapters, a simulated fleet on
 * loopback) on a given store, with fast cadences, and inspects what it recorded.
 */
final class SimulatedFleetRun implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    final ConfigurableApplicationContext context;

    private SimulatedFleetRun(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static SimulatedFleetRun start(Map<String, Object> storeProperties) {
        return launch(storeProperties, null);
    }

    /** With configuration classes of the test's own besides the application's (a storage mode's stand-ins). */
    static SimulatedFleetRun start(Map<String, Object> storeProperties, Class<?>... extraSources) {
        return launch(storeProperties, null, extraSources);
    }

    /**
     * A node on a fleet the caller started (or another run's): it is given that simulated fleet, so
     * both nodes see the same instances and controllers (it imports nothing unless told to). Closing this node
     * leaves the fleet running.
     */
    static SimulatedFleetRun startNodeOn(SimulatedFleet fleet, Map<String, Object> storeProperties) {
        Map<String, Object> properties = new java.util.HashMap<>(storeProperties);
        properties.putIfAbsent("cmlfleet.simulator.import-at-start", "false");
        return launch(properties, fleet);
    }

    private static SimulatedFleetRun launch(Map<String, Object> storeProperties, SimulatedFleet sharedFleet,
                                           Class<?>... extraSources) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "spring.config.name", "cmlfleet-app",
                "server.port", "0",
                "cmlfleet.simulator.instances", "4",
                "cmlfleet.simulator.no-public-ip-percent", "0",
                "cmlfleet.simulator.flaky-percent", "0",
                "cmlfleet.simulator.slow-percent", "0",
                "cmlfleet.simulator.min-cml-boot-delay", "1s",
                "cmlfleet.simulator.max-cml-boot-delay", "3s",
                "cmlfleet.monitoring.fast-interval", "1s"));
        properties.putAll(Map.of(
                "cmlfleet.monitoring.normal-interval", "2s",
                "cmlfleet.monitoring.jitter-slots", "1",
                "cmlfleet.monitoring.deadline-polling-interval", "200ms",
                "cmlfleet.refresh.on-demand-min-interval", "0s",
                "cmlfleet.refresh.batch-window", "300ms",
                "cmlfleet.console.report-every", "0s",
                // Every controller can run labs and is licensed in good order unless a test asks otherwise.
                "cmlfleet.simulator.not-admitted-percent", "0",
                "cmlfleet.simulator.licence-expired-percent", "0"));
        properties.putAll(storeProperties);
        // As command-line arguments: they override cmlfleet-app.yml, as an operator's --options would.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CmlfleetApplication.class)
                .sources(extraSources);
        if (sharedFleet != null) {
            // A singleton registered this way is not destroyed with the context: the fleet outlives this node.
            builder.initializers(context -> context.getBeanFactory().registerSingleton("simulatedFleet", sharedFleet));
        }
        ConfigurableApplicationContext context = builder.run(args);
        return new SimulatedFleetRun(context);
    }

    SimulatedFleet fleet() {
        return context.getBean(SimulatedFleet.class);
    }

    EventStore eventStore() {
        return context.getBean(EventStore.class);
    }

    /** The worker's events as stored: sequence numbers and timestamps included. */
    List<DomainEventMessage<?>> messages(String workerId) {
        return eventStore().readEvents(workerId, 0L).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    List<Object> events(String workerId) {
        List<Object> payloads = new ArrayList<>();
        eventStore().readEvents(workerId, 0L).asStream().forEach(e -> payloads.add(e.getPayload()));
        return payloads;
    }

    long count(String workerId, Class<?> type) {
        return events(workerId).stream().filter(type::isInstance).count();
    }

    /** Waits until the worker went registered → RUNNING with an endpoint → AVAILABLE → stats → telemetry. */
    void awaitFullCycle(String workerId) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<Object> events = events(workerId);
            assertThat(events).first().isInstanceOf(WorkerCreated.class);
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(EndpointPopulated.class));
            assertThat(events).anySatisfy(e -> {
                assertThat(e).isInstanceOf(ServiceHealthEvaluated.class);
                assertThat(((ServiceHealthEvaluated) e).newStatus()).isEqualTo(CmlServiceStatus.AVAILABLE);
            });
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(CmlStatsRecorded.class));
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(TelemetryUpdated.class));
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(RefreshCompleted.class));
        });
    }

    @Override
    public void close() {
        context.close();
    }
}
