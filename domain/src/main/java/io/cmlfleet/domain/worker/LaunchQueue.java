package io.cmlfleet.domain.worker;

import java.time.Duration;

/**
 * CML's node launch queue ({@code GET /api/v0/diagnostics/node_launch_queue}): nodes that were asked to start and
 * wait for a compute to take them.
 *
 * @param waiting      nodes in the queue
 * @param oldestWaited how long the oldest of them has waited; null when unknown (or the queue is empty)
 */
public record LaunchQueue(int waiting, Duration oldestWaited) {

    public LaunchQueue {
        if (waiting < 0) {
            throw new InvalidWorkerInputException("launchQueue.waiting", "must not be negative");
        }
        if (oldestWaited != null && oldestWaited.isNegative()) {
            oldestWaited = Duration.ZERO;
        }
    }
}
