package io.cmlfleet.bootstrap.simulator;

import io.cmlfleet.application.lifecycle.WorkerLifecycleService;
import io.cmlfleet.simulator.SimulatedFleet;
import io.cmlfleet.simulator.SimulatedWorker;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Imports the simulated instances as workers once the application is ready, exactly as an operator would import real
 * ones (DescribeInstances first, then ImportWorker). Worker ids are derived from instance ids, so a restart on the
 * same store finds them known and imports nothing twice.
 */
public class SimulatedFleetImporter implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger("io.cmlfleet.simulator");

    private final SimulatedFleet fleet;
    private final boolean enabled;
    private final WorkerLifecycleService lifecycle;
    private final EventStore eventStore;

    SimulatedFleetImporter(SimulatedFleet fleet, boolean enabled, WorkerLifecycleService lifecycle,
                           EventStore eventStore) {
        this.fleet = fleet;
        this.enabled = enabled;
        this.lifecycle = lifecycle;
        this.eventStore = eventStore;
    }

    /** The worker id a simulated instance is imported under. */
    public static String workerIdFor(SimulatedWorker worker) {
        return "sim-" + worker.instanceId();
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!enabled) {
            return;
        }
        int imported = 0;
        for (SimulatedWorker worker : fleet.workers()) {
            String workerId = workerIdFor(worker);
            if (eventStore.readEvents(workerId).hasNext()) {
                continue;
            }
            try {
                lifecycle.importInstance(workerId, "simulated " + worker.instanceId(), worker.region(),
                        worker.instanceId(), "simulator");
                imported++;
            } catch (RuntimeException e) {
                LOG.warn("SIMULATED FLEET: could not import {}: {}", worker.instanceId(), e.getMessage());
            }
        }
        LOG.info("SIMULATED FLEET: imported {} new worker(s); {} simulated instance(s) in all", imported,
                fleet.workers().size());
    }
}
