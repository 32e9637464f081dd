package io.cmlfleet.application.monitoring;

import java.time.Duration;
import java.util.Objects;

/**
 * How the db-scheduler behind the durable deadlines runs.
 *
 * @param pollingInterval       how often due deadlines are looked for; a deadline fires up to this late (default 1 s).
 *                              Deadlines found by one poll run together, which also helps the AWS adapter coalesce.
 * @param threads               deadlines executed in parallel (default 4); a deadline only sends a command, so few
 *                              are needed
 * @param heartbeatInterval     how often a running deadline proves its node is alive (default 20 s)
 * @param missedHeartbeatsLimit missed heartbeats after which a deadline picked by a crashed node is run again by
 *                              another (default 6, so about two minutes with the default heartbeat)
 * @param shutdownMaxWait       how long stopping waits for running deadlines (default 10 s)
 * @param schedulerName         this node's name in the table's {@code picked_by} column; null for the host name
 */
public record DeadlineSchedulerSettings(
        Duration pollingInterval,
        int threads,
        Duration heartbeatInterval,
        int missedHeartbeatsLimit,
        Duration shutdownMaxWait,
        String schedulerName) {

    public DeadlineSchedulerSettings {
        requirePositive(pollingInterval, "pollingInterval");
        requirePositive(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(shutdownMaxWait, "shutdownMaxWait");
        if (shutdownMaxWait.isNegative()) {
            throw new IllegalArgumentException("shutdownMaxWait must not be negative, was " + shutdownMaxWait);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (missedHeartbeatsLimit < 4) {
            // db-scheduler refuses fewer: a slow heartbeat must not look like a dead node.
            throw new IllegalArgumentException("missedHeartbeatsLimit must be at least 4, was " + missedHeartbeatsLimit);
        }
    }

    public static DeadlineSchedulerSettings defaults() {
        return new DeadlineSchedulerSettings(
                Duration.ofSeconds(1), 4, Duration.ofSeconds(20), 6, Duration.ofSeconds(10), null);
    }

    public DeadlineSchedulerSettings withPollingInterval(Duration pollingInterval) {
        return new DeadlineSchedulerSettings(
                pollingInterval, threads, heartbeatInterval, missedHeartbeatsLimit, shutdownMaxWait, schedulerName);
    }

    public DeadlineSchedulerSettings withSchedulerName(String schedulerName) {
        return new DeadlineSchedulerSettings(
                pollingInterval, threads, heartbeatInterval, missedHeartbeatsLimit, shutdownMaxWait, schedulerName);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
