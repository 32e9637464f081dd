package io.cmlfleet.application.refresh;

import java.time.Duration;
import java.util.Objects;

/**
 * @param parallelism           refreshes whose commands and AWS observations run at once; each runs in one of these
 *                              threads, never in a deadline or command thread
 * @param shutdownWait          how long stopping waits for running refreshes to finish; the rest are abandoned (never
 *                              interrupted, so no JDBC or H2 file channel is torn mid-write) and run again after the
 *                              restart
 * @param batchWindow           how long scheduled refreshes of one region are gathered before their instances are
 *                              observed together (one DescribeInstances per 1,000 instances instead of one per
 *                              worker); zero observes each worker on its own
 * @param controllerParallelism refreshes that wait for their CML controller at once, in threads of their own
 *                              ({@link ControllerLanes}); workers with slow controllers wait in a lane half as wide
 * @param slowControllerAfter   a refresh whose controller took longer than this moves its worker to the slow lane,
 *                              until its controller answers in time again
 */
public record RefreshExecutionSettings(int parallelism, Duration shutdownWait, Duration batchWindow,
                                       int controllerParallelism, Duration slowControllerAfter) {

    public static final Duration DEFAULT_BATCH_WINDOW = Duration.ofSeconds(1);
    public static final int DEFAULT_CONTROLLER_PARALLELISM = 32;
    public static final Duration DEFAULT_SLOW_CONTROLLER_AFTER = Duration.ofSeconds(3);

    /** As the full constructor, with the default batch window and controller lanes. */
    public RefreshExecutionSettings(int parallelism, Duration shutdownWait) {
        this(parallelism, shutdownWait, DEFAULT_BATCH_WINDOW);
    }

    /** As the full constructor, with the default controller lanes. */
    public RefreshExecutionSettings(int parallelism, Duration shutdownWait, Duration batchWindow) {
        this(parallelism, shutdownWait, batchWindow, DEFAULT_CONTROLLER_PARALLELISM, DEFAULT_SLOW_CONTROLLER_AFTER);
    }

    public RefreshExecutionSettings {
        Objects.requireNonNull(shutdownWait, "shutdownWait");
        Objects.requireNonNull(batchWindow, "batchWindow");
        Objects.requireNonNull(slowControllerAfter, "slowControllerAfter");
        if (batchWindow.isNegative()) {
            throw new IllegalArgumentException("batchWindow must not be negative, was " + batchWindow);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (controllerParallelism < 1) {
            throw new IllegalArgumentException("controllerParallelism must be at least 1, was "
                    + controllerParallelism);
        }
        if (shutdownWait.isNegative()) {
            throw new IllegalArgumentException("shutdownWait must not be negative, was " + shutdownWait);
        }
        if (slowControllerAfter.isNegative() || slowControllerAfter.isZero()) {
            throw new IllegalArgumentException("slowControllerAfter must be positive, was " + slowControllerAfter);
        }
    }

    /** The threads a refresh's concurrent CML calls need: three for every refresh waiting for its controller. */
    public int cmlCallThreads() {
        return 3 * (controllerParallelism + ControllerLanes.slowLaneWidth(controllerParallelism));
    }

    /**
     * Eight refreshes at once on the refresh threads (they send commands and read AWS's batched answers), 32 waiting
     * for controllers and 16 for slow ones (waiting costs a thread, not a core), ten seconds to finish at shutdown,
     * scheduled refreshes gathered for one second (deadlines of one slot fire within one polling interval).
     */
    public static RefreshExecutionSettings defaults() {
        return new RefreshExecutionSettings(8, Duration.ofSeconds(10), DEFAULT_BATCH_WINDOW);
    }
}
