package io.cmlfleet.application.refresh;

import java.time.Duration;
import java.util.Objects;

/**
 * @param parallelism  refreshes that run at once; each one makes its network calls and its commands in one of these
 *                     threads, never in a deadline or command thread
 * @param shutdownWait how long stopping waits for running refreshes to finish; the rest are abandoned (never
 *                     interrupted, so no JDBC or H2 file channel is torn mid-write) and run again after the restart
 */
public record RefreshExecutionSettings(int parallelism, Duration shutdownWait) {

    public RefreshExecutionSettings {
        Objects.requireNonNull(shutdownWait, "shutdownWait");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (shutdownWait.isNegative()) {
            throw new IllegalArgumentException("shutdownWait must not be negative, was " + shutdownWait);
        }
    }

    /** Eight refreshes at once (most of a refresh is waiting on CML and AWS), ten seconds to finish at shutdown. */
    public static RefreshExecutionSettings defaults() {
        return new RefreshExecutionSettings(8, Duration.ofSeconds(10));
    }
}
