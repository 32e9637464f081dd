package io.cmlfleet.application.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Decides when a worker is next due for a refresh. Pure: the same worker id, interval and "now" always give the same
 * answer, on every node and after every restart.
 *
 * <p>Why a grid and not random jitter: a large fleet refreshed at "now + interval" drifts into bursts (every worker
 * created by one bulk import would fire together, forever), while random jitter scatters them so widely that the AWS
 * adapter can no longer batch DescribeInstances calls that arrive within its short coalescing window. Instead each
 * interval is cut into {@code slots} phases; a worker's slot comes from a stable hash of its id, and it is due only at
 * instants {@code phase + k * interval} counted from the epoch. Workers in different slots are spread evenly over the
 * interval; workers in the same slot are due at exactly the same instants, so their calls still coalesce.
 */
public final class RefreshScheduleCalculator {

    private final int slots;
    private final Duration minimumDelay;

    public RefreshScheduleCalculator(int slots, Duration minimumDelay) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, was " + slots);
        }
        this.slots = slots;
        this.minimumDelay = Objects.requireNonNull(minimumDelay, "minimumDelay");
        if (minimumDelay.isNegative()) {
            throw new IllegalArgumentException("minimumDelay must not be negative, was " + minimumDelay);
        }
    }

    public static RefreshScheduleCalculator from(MonitoringSettings settings) {
        return new RefreshScheduleCalculator(settings.jitterSlots(), settings.minimumDelay());
    }

    /**
     * The worker's slot, 0 to {@code slots - 1}. CRC-32 of the UTF-8 id: documented, identical on every JVM and
     * well mixed for ids that differ in one character ({@code worker-1}, {@code worker-2}).
     */
    public int slotOf(String workerId) {
        Objects.requireNonNull(workerId, "workerId");
        CRC32 crc = new CRC32();
        crc.update(workerId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % slots);
    }

    /** The worker's offset within an interval: its slot times the slot width. */
    public Duration phaseOf(String workerId, Duration interval) {
        requirePositive(interval);
        long intervalMillis = interval.toMillis();
        return Duration.ofMillis(intervalMillis * slotOf(workerId) / slots);
    }

    /**
     * The first instant of the worker's grid for this interval that is at least {@code minimumDelay} after
     * {@code now}. The wait is therefore between {@code minimumDelay} and {@code interval + minimumDelay}.
     */
    public Instant nextRefreshAt(String workerId, Duration interval, Instant now) {
        requirePositive(interval);
        Objects.requireNonNull(now, "now");
        long intervalMillis = interval.toMillis();
        long phaseMillis = phaseOf(workerId, interval).toMillis();
        long earliest = now.plus(minimumDelay).toEpochMilli();
        long periods = Math.floorDiv(earliest - phaseMillis, intervalMillis);
        long candidate = phaseMillis + periods * intervalMillis;
        if (candidate < earliest) {
            candidate += intervalMillis;
        }
        return Instant.ofEpochMilli(candidate);
    }

    /**
     * The next refresh after a deadline that was due at {@code firedDueAt} fired at {@code now}: the first instant of
     * the worker's grid after {@code firedDueAt}, so that a deadline firing late (a busy poll, a slow node) keeps
     * its worker on the grid instead of skipping an interval; once that instant has passed too (the node was down),
     * the first one at least {@code minimumDelay} after {@code now}.
     */
    public Instant nextRefreshAfter(String workerId, Duration interval, Instant firedDueAt, Instant now) {
        Objects.requireNonNull(now, "now");
        if (firedDueAt == null) {
            return nextRefreshAt(workerId, interval, now);
        }
        Instant onGrid = nextRefreshAt(workerId, interval, firedDueAt.minus(minimumDelay).plusMillis(1));
        return onGrid.isAfter(now) ? onGrid : nextRefreshAt(workerId, interval, now);
    }

    private static void requirePositive(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.toMillis() <= 0) {
            throw new IllegalArgumentException("interval must be at least one millisecond, was " + interval);
        }
    }
}
