package io.cmlfleet.bootstrap;

import io.cmlfleet.application.labs.LabInventoryPoller;
import io.cmlfleet.application.monitoring.FleetRound;
import io.cmlfleet.application.monitoring.MonitoringSettings;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab listing as a {@link FleetRound} on the deadline scheduler, every {@code cmlfleet.monitoring.normal-interval}
 * (from the end of one round to the start of the next, so a round that overruns delays the next instead of
 * overlapping it). On the scheduler rather than a thread of each node: with several nodes on one database the fleet
 * is listed once per interval, not once per node.
 */
public final class LabInventorySchedule {

    /** The round's task name in {@code scheduled_tasks}. */
    public static final String TASK_NAME = "cmlfleet-lab-listing";
    private static final Logger LOG = LoggerFactory.getLogger(LabInventorySchedule.class);

    private LabInventorySchedule() {
    }

    /**
     * @param poller the poller, looked up when a round runs (it needs Axon's gateways, which need the deadline
     *               manager this round is registered with)
     */
    public static FleetRound round(Supplier<LabInventoryPoller> poller, MonitoringSettings monitoring) {
        Objects.requireNonNull(poller, "poller");
        return new FleetRound(TASK_NAME, monitoring.normalInterval(), () -> {
            try {
                int listed = poller.get().listAll();
                LOG.debug("Lab listing round done: {} workers listed", listed);
            } catch (RuntimeException e) {
                // A failed round (read model unavailable, say) must not end the schedule.
                LOG.warn("Lab listing round failed: {}", e.getClass().getSimpleName());
            }
        });
    }
}
