package io.cmlfleet.application.refresh;

import java.time.Duration;
import java.util.Objects;

/**
 * @param parallelism  refreshes that run at once; each one makes its network calls and its commands in one of these
 *                     threads, never in a deadline or command thread
 * @param shutdownWait how long stopping waits for running refreshes to finish; the rest are abandoned (never
 *                     interrupted, so no JDBC or H2 file channel is torn mid-write) and run again after the restart
 * @param batchWindow  how long scheduled refreshes of one region are gathered before their instances are observed
 *                     together (one DescribeInstances per 1,000 instances instead of one per worker); zero observes
 *                     each worker on its own
 */
public record RefreshExecutionSettings(int parallelism, Duration shutdownWait, Duration batchWindow) {

    public static final Duration DEFAULT_BATCH_WINDOW = Duration.ofSeconds(1);

    /** As the full constructor, with the default batch window. */
    public RefreshExecutionSettings(int parallelism, Duration shutdownWait) {
        this(parallelism, shutdownWait, DEFAULT_BATCH_WINDOW);
    }

    public RefreshExecutionSettings {
        Objects.requireNonNull(shutdownWait, "shutdownWait");
        Objects.requireNonNull(batchWindow, "batchWindow");
        if (batchWindow.isNegative()) {
            throw new IllegalArgumentException("batchWindow must not be negative, was " + batchWindow);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (shutdownWait.isNegative()) {
            throw new IllegalArgumentException("shutdownWait must not be negative, was " + shutdownWait);
        }
    }

    /**
     * Eight refreshes at once (most of a refresh is waiting on CML and AWS), ten seconds to finish at shutdown,
     * scheduled refreshes gathered for one second (deadlines of one slot fire within one polling interval).
     */
    public static RefreshExecutionSettings defaults() {
        return new RefreshExecutionSettings(8, Duration.ofSeconds(10), DEFAULT_BATCH_WINDOW);
    }
}
