package io.cmlfleet.application.monitoring;

import java.time.Duration;
import java.util.Objects;

/**
 * A periodic job over the whole fleet that must run on one node at a time, such as the lab listing. It runs on the
 * deadline scheduler as a db-scheduler recurring task: the row {@code (name, "recurring")} is picked by one node per
 * round, as a deadline is, so N nodes on one database run it once per interval, not N times; and a node that dies
 * during a round leaves it to the dead-execution check, as it leaves its deadlines.
 *
 * @param name  the task name in {@value SchedulerTable#NAME} (stable: a renamed round leaves its old row behind)
 * @param every the delay from the end of one round to the start of the next (also before the first)
 * @param round the work; an exception it throws is logged by the scheduler and the next round runs as planned
 */
public record FleetRound(String name, Duration every, Runnable round) {

    public FleetRound {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(round, "round");
        if (every == null || every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("every must be positive, was " + every);
        }
    }
}
