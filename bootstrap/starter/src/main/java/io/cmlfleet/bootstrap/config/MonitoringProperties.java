package io.cmlfleet.bootstrap.config;

import static java.util.Objects.requireNonNullElse;

import io.cmlfleet.application.labs.LabListingSettings;
import io.cmlfleet.application.monitoring.DeadlineSchedulerSettings;
import io.cmlfleet.application.monitoring.MonitoringSettings;
import java.time.Duration;

/**
 * @param fastInterval            refresh interval while a worker is starting or its service is not AVAILABLE
 * @param normalInterval          refresh interval once a worker is stable
 * @param jitterSlots             slots a fleet is spread over within an interval (workers in one slot share AWS
 *                                calls)
 * @param deadlinePollingInterval how often the deadline scheduler looks for due deadlines
 * @param deadlineThreads         threads handling due deadlines in parallel (each only hands its worker over)
 * @param deadlineSchedulerName   this node's name in the deadline table; unique per live node (default: host name)
 * @param deadlineHeartbeatInterval how often a node executing a deadline proves it is alive; with
 *                                {@code deadlineMissedHeartbeats} it bounds how long a dead node's picked deadlines
 *                                wait before another node runs them
 * @param deadlineMissedHeartbeats missed heartbeats after which another node revives a picked deadline (at least 4,
 *                                db-scheduler's minimum)
 * @param labListingParallelism   workers the lab listing round lists at once (each listing waits on its
 *                                controller, one call per lab)
 */
public record MonitoringProperties(Duration fastInterval, Duration normalInterval, Integer jitterSlots,
                                   Duration deadlinePollingInterval, Integer deadlineThreads,
                                   String deadlineSchedulerName, Duration deadlineHeartbeatInterval,
                                   Integer deadlineMissedHeartbeats, Integer labListingParallelism) {

    private static final MonitoringSettings DEFAULTS = MonitoringSettings.defaults();
    private static final DeadlineSchedulerSettings SCHEDULER_DEFAULTS = DeadlineSchedulerSettings.defaults();

    public MonitoringProperties {
        fastInterval = requireNonNullElse(fastInterval, DEFAULTS.fastInterval());
        normalInterval = requireNonNullElse(normalInterval, DEFAULTS.normalInterval());
        jitterSlots = requireNonNullElse(jitterSlots, DEFAULTS.jitterSlots());
        deadlinePollingInterval = requireNonNullElse(deadlinePollingInterval, SCHEDULER_DEFAULTS.pollingInterval());
        deadlineThreads = requireNonNullElse(deadlineThreads, SCHEDULER_DEFAULTS.threads());
        deadlineHeartbeatInterval = requireNonNullElse(deadlineHeartbeatInterval,
                SCHEDULER_DEFAULTS.heartbeatInterval());
        deadlineMissedHeartbeats = requireNonNullElse(deadlineMissedHeartbeats,
                SCHEDULER_DEFAULTS.missedHeartbeatsLimit());
        labListingParallelism = requireNonNullElse(labListingParallelism, LabListingSettings.DEFAULT_PARALLELISM);
        SettingChecks.atLeast("cmlfleet.monitoring.lab-listing-parallelism", labListingParallelism, 1);
        SettingChecks.positive("cmlfleet.monitoring.fast-interval", fastInterval);
        SettingChecks.positive("cmlfleet.monitoring.normal-interval", normalInterval);
        SettingChecks.notLonger("cmlfleet.monitoring.fast-interval", fastInterval,
                "cmlfleet.monitoring.normal-interval", normalInterval);
        SettingChecks.atLeast("cmlfleet.monitoring.jitter-slots", jitterSlots, 1);
        // A slot narrower than a millisecond cannot be told apart from its neighbour.
        if (jitterSlots > fastInterval.toMillis()) {
            throw new InvalidSettingException("cmlfleet.monitoring.jitter-slots", "cmlfleet.monitoring.jitter-slots ("
                    + jitterSlots + ") must not exceed cmlfleet.monitoring.fast-interval in milliseconds ("
                    + fastInterval.toMillis() + ")");
        }
        SettingChecks.positive("cmlfleet.monitoring.deadline-polling-interval", deadlinePollingInterval);
        SettingChecks.atLeast("cmlfleet.monitoring.deadline-threads", deadlineThreads, 1);
        SettingChecks.positive("cmlfleet.monitoring.deadline-heartbeat-interval", deadlineHeartbeatInterval);
        SettingChecks.atLeast("cmlfleet.monitoring.deadline-missed-heartbeats", deadlineMissedHeartbeats, 4);
        // db-scheduler's picked_by column holds 50 characters.
        if (deadlineSchedulerName != null && (deadlineSchedulerName.isBlank() || deadlineSchedulerName.length() > 50)) {
            throw new InvalidSettingException("cmlfleet.monitoring.deadline-scheduler-name",
                    "cmlfleet.monitoring.deadline-scheduler-name must be 1 to 50 characters (or unset for the host"
                            + " name), was " + deadlineSchedulerName.length() + " characters");
        }
    }

    public MonitoringSettings settings() {
        return new MonitoringSettings(fastInterval, normalInterval, jitterSlots, DEFAULTS.minimumDelay());
    }

    /** @param stopWait how long stopping waits for listings in flight: the refreshes' shutdown wait */
    public LabListingSettings labListingSettings(Duration stopWait) {
        return new LabListingSettings(labListingParallelism, stopWait);
    }

    public DeadlineSchedulerSettings schedulerSettings() {
        return new DeadlineSchedulerSettings(deadlinePollingInterval, deadlineThreads, deadlineHeartbeatInterval,
                deadlineMissedHeartbeats,
                SCHEDULER_DEFAULTS.shutdownMaxWait(), deadlineSchedulerName);
    }
}
