package io.cmlfleet.application.monitoring;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the monitoring saga refreshes a worker, and how it spreads refreshes over time. Registered as an Axon
 * component (resource) and injected into every {@link WorkerMonitoringSaga}.
 *
 * @param fastInterval   interval while the worker is changing state or its service is not yet AVAILABLE (default 30 s)
 * @param normalInterval interval once the worker is stable: RUNNING with the service AVAILABLE, or STOPPED (default
 *                       300 s)
 * @param jitterSlots    number of phase slots each interval is divided into; every worker is assigned one slot from a
 *                       hash of its id. 1 means no spreading (all workers due at the same instants). Workers in the same
 *                       slot stay due at the same instants, so the AWS adapter can still coalesce their calls.
 * @param minimumDelay   the least time between "now" and the next refresh, so a refresh never lands in the same
 *                       instant as the one that scheduled it (default 1 s)
 */
public record MonitoringSettings(
        Duration fastInterval,
        Duration normalInterval,
        int jitterSlots,
        Duration minimumDelay) {

    public static final Duration DEFAULT_FAST_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_NORMAL_INTERVAL = Duration.ofSeconds(300);
    public static final int DEFAULT_JITTER_SLOTS = 10;
    public static final Duration DEFAULT_MINIMUM_DELAY = Duration.ofSeconds(1);

    public MonitoringSettings {
        Objects.requireNonNull(fastInterval, "fastInterval");
        Objects.requireNonNull(normalInterval, "normalInterval");
        Objects.requireNonNull(minimumDelay, "minimumDelay");
        requirePositive(fastInterval, "fastInterval");
        requirePositive(normalInterval, "normalInterval");
        if (minimumDelay.isNegative()) {
            throw new IllegalArgumentException("minimumDelay must not be negative, was " + minimumDelay);
        }
        if (fastInterval.compareTo(normalInterval) > 0) {
            throw new IllegalArgumentException(
                    "fastInterval (" + fastInterval + ") must not be longer than normalInterval (" + normalInterval + ")");
        }
        if (jitterSlots < 1) {
            throw new IllegalArgumentException("jitterSlots must be at least 1, was " + jitterSlots);
        }
        // A slot narrower than a millisecond cannot be told apart from its neighbour.
        if (jitterSlots > fastInterval.toMillis()) {
            throw new IllegalArgumentException(
                    "jitterSlots (" + jitterSlots + ") must not exceed fastInterval in milliseconds");
        }
    }

    /** 30 s while changing, 300 s when stable, 10 slots, at least 1 s ahead. */
    public static MonitoringSettings defaults() {
        return new MonitoringSettings(
                DEFAULT_FAST_INTERVAL, DEFAULT_NORMAL_INTERVAL, DEFAULT_JITTER_SLOTS, DEFAULT_MINIMUM_DELAY);
    }

    /** The interval that belongs to a cadence. */
    public Duration intervalFor(RefreshCadence cadence) {
        return cadence == RefreshCadence.FAST ? fastInterval : normalInterval;
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
