package io.cmlfleet.bootstrap;

import io.cmlfleet.application.labs.LabInventoryPoller;
import io.cmlfleet.application.monitoring.MonitoringSettings;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the lab listing on the monitoring's normal cadence ({@code cmlfleet.monitoring.normal-interval}), first after
 * the fast interval so that workers have had a health check. One daemon thread: a round lists the workers one after
 * the other, and a round that overruns delays the next instead of overlapping it.
 */
public class LabInventorySchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LabInventorySchedule.class);

    private final LabInventoryPoller poller;
    private final MonitoringSettings monitoring;
    private ScheduledExecutorService executor;

    public LabInventorySchedule(LabInventoryPoller poller, MonitoringSettings monitoring) {
        this.poller = Objects.requireNonNull(poller, "poller");
        this.monitoring = Objects.requireNonNull(monitoring, "monitoring");
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cmlfleet-lab-listing");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::round, monitoring.fastInterval().toMillis(),
                monitoring.normalInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            int listed = poller.listAll();
            LOG.debug("Lab listing round done: {} workers listed", listed);
        } catch (RuntimeException e) {
            // A failed round (read model unavailable, say) must not end the schedule.
            LOG.warn("Lab listing round failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
