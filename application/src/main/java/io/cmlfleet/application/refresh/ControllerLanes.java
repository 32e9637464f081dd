package io.cmlfleet.application.refresh;

import io.cmlfleet.application.concurrent.DaemonThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where refreshes wait for their worker's CML controller: off the refresh threads, which only send commands and
 * observe AWS, so a controller that takes seconds to answer holds a thread that does nothing else. There are two
 * lanes. A worker whose last talk with its controller took longer than {@code slowAfter} (a slow controller, or one
 * that lets its calls run into their timeouts) waits in the slow lane, half as wide as the regular one, and comes
 * back once its controller answers in time again. Slow controllers therefore take turns among themselves and never
 * take the places of the others: the fleet's cadence holds whatever a tenth of its controllers do.
 */
final class ControllerLanes {

    /** The controller work of one refresh, and what to do if it is dropped at shutdown. */
    private record Talk(String workerId, Runnable work, Runnable ifDropped, ControllerLanes lanes)
            implements Runnable {

        @Override
        public void run() {
            long started = System.nanoTime();
            try {
                work.run();
            } finally {
                lanes.took(workerId, Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }

    private final ThreadPoolExecutor regular;
    private final ThreadPoolExecutor slowLane;
    private final Duration slowAfter;
    private final Set<String> slowWorkers = ConcurrentHashMap.newKeySet();

    /**
     * @param parallelism refreshes that talk to controllers at once in the regular lane; the slow lane takes half as
     *                    many (at least one)
     * @param slowAfter   a talk longer than this moves the worker to the slow lane
     */
    ControllerLanes(int parallelism, Duration slowAfter) {
        this.regular = lane(parallelism, "cmlfleet-controller");
        this.slowLane = lane(slowLaneWidth(parallelism), "cmlfleet-slow-controller");
        this.slowAfter = slowAfter;
    }

    static int slowLaneWidth(int parallelism) {
        return Math.max(1, parallelism / 2);
    }

    private static ThreadPoolExecutor lane(int width, String threadPrefix) {
        ThreadPoolExecutor lane = new ThreadPoolExecutor(width, width, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named(threadPrefix));
        lane.allowCoreThreadTimeOut(true);
        return lane;
    }

    /** Runs {@code work} in the worker's lane; {@code ifDropped} instead when the lanes are stopping. */
    void submit(String workerId, Runnable work, Runnable ifDropped) {
        ThreadPoolExecutor lane = slowWorkers.contains(workerId) ? slowLane : regular;
        try {
            lane.execute(new Talk(workerId, work, ifDropped, this));
        } catch (RejectedExecutionException stopping) {
            ifDropped.run();
        }
    }

    private void took(String workerId, Duration elapsed) {
        if (elapsed.compareTo(slowAfter) > 0) {
            if (slowWorkers.add(workerId)) {
                RefreshLog.movedToSlowLane(workerId, elapsed, slowAfter);
            }
        } else if (slowWorkers.remove(workerId)) {
            RefreshLog.backInRegularLane(workerId, elapsed);
        }
    }

    /** Workers whose controller is slow at the moment. */
    int slowControllers() {
        return slowWorkers.size();
    }

    int active() {
        return regular.getActiveCount() + slowLane.getActiveCount();
    }

    /** Takes no more work and drops the waiting talks (each gets its {@code ifDropped}); returns how many. */
    int stop() {
        List<Runnable> waiting = new ArrayList<>();
        for (ThreadPoolExecutor lane : List.of(regular, slowLane)) {
            lane.shutdown();
            lane.getQueue().drainTo(waiting);
        }
        waiting.forEach(talk -> ((Talk) talk).ifDropped().run());
        return waiting.size();
    }

    /** Waits up to {@code nanos} for the talks in progress; nothing is interrupted. */
    boolean awaitStopped(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        return regular.awaitTermination(nanos, TimeUnit.NANOSECONDS)
                && slowLane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
