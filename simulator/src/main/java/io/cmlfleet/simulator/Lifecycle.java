package io.cmlfleet.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The last lifecycle request an instance received and when; the visible state is derived from it and the clock, so
 * nothing needs to tick while time passes (pending becomes running simply because enough time went by).
 *
 * @param request      what was last asked of the instance
 * @param since        when it was asked
 * @param runningFrom  start of the latest running period, if the instance ran before this request; null otherwise
 * @param runningUntil end of that period (the stop or terminate request); null while it still runs
 */
record Lifecycle(Request request, Instant since, Instant runningFrom, Instant runningUntil) {

    enum Request { START, STOP, TERMINATE }

    static Lifecycle launchedAt(Instant at) {
        return new Lifecycle(Request.START, at, null, null);
    }

    InstanceState stateAt(Instant now, FleetProfile profile) {
        return switch (request) {
            case START -> reached(now, profile.pendingDuration()) ? InstanceState.RUNNING : InstanceState.PENDING;
            case STOP -> reached(now, profile.stoppingDuration()) ? InstanceState.STOPPED : InstanceState.STOPPING;
            case TERMINATE -> reached(now, profile.shuttingDownDuration())
                    ? InstanceState.TERMINATED : InstanceState.SHUTTING_DOWN;
        };
    }

    /** When the current running period began, or null when the instance is not running at {@code now}. */
    Instant runningSince(Instant now, FleetProfile profile) {
        return stateAt(now, profile) == InstanceState.RUNNING ? since.plus(profile.pendingDuration()) : null;
    }

    /** Whether the instance was running at {@code at} as far as this and the previous request tell. */
    boolean wasRunningAt(Instant at, FleetProfile profile) {
        if (request == Request.START) {
            return !at.isBefore(since.plus(profile.pendingDuration()));
        }
        return runningFrom != null && !at.isBefore(runningFrom) && at.isBefore(runningUntil);
    }

    /** AWS forgets terminated instances after a while; until then DescribeInstances still lists them. */
    boolean visibleAt(Instant now, FleetProfile profile) {
        return request != Request.TERMINATE
                || now.isBefore(since.plus(profile.shuttingDownDuration()).plus(profile.terminatedVisibility()));
    }

    /** The lifecycle after a stop or terminate at {@code now}, remembering the running period that ends here. */
    Lifecycle ending(Request next, Instant now, FleetProfile profile) {
        Instant from = runningSince(now, profile);
        if (from != null) {
            return new Lifecycle(next, now, from, now);
        }
        // Not running now: keep the earlier period (stop, then terminate), so old metrics stay answerable.
        return new Lifecycle(next, now, runningFrom, runningUntil);
    }

    private boolean reached(Instant now, Duration after) {
        return !now.isBefore(since.plus(after));
    }
}
