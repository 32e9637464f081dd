package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.IdleStopCancelled;
import io.cmlfleet.domain.worker.event.IdleStopConfigured;
import io.cmlfleet.domain.worker.event.IdleStopSnoozed;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.IdleStopWarned;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.UserActivityObserved;
import java.time.Instant;

/**
 * What idle stopping knows of a worker, as the fold of its idle events: idleness from CML's stats, the last user
 * activity, a pending warning, a snooze, the opt-out and the stop counts. Immutable, so that {@link WorkerState}
 * and its snapshot share it; kept apart from {@code WorkerState} so the idle vocabulary has one small home.
 *
 * @param idleSince          since when CML has reported no running nodes; null while nodes run or before any report
 * @param enabled            whether this worker may be stopped automatically (the per-worker opt-out)
 * @param autoStops          stops decided by idle detection
 * @param manualStops        stops requested by operators or hosts
 * @param lastActivityAt     the last user activity CML's telemetry showed; null before any
 * @param lastActivity       its category and user, e.g. {@code start_lab by alice}
 * @param warnedAt           when the pending warning was given; null when none is pending
 * @param plannedStopAt      when the pending warning says the worker stops
 * @param controllerMarked   the controller was put in maintenance mode with a notice, and it is not lifted yet
 * @param snoozedUntil       no warning and no stop before this; null when never snoozed
 */
public record IdleWatch(Instant idleSince, boolean enabled, int autoStops, int manualStops, Instant lastActivityAt,
                        String lastActivity, Instant warnedAt, Instant plannedStopAt, boolean controllerMarked,
                        Instant snoozedUntil) {

    public static final IdleWatch INITIAL = new IdleWatch(null, true, 0, 0, null, null, null, null, false, null);

    /** Idleness starts with the first report of no running nodes and ends with any running node. */
    IdleWatch on(CmlStatsRecorded e) {
        Integer nodesRunning = e.facts().nodesRunning();
        if (nodesRunning == null) {
            return this;
        }
        Instant idle = nodesRunning > 0 ? null : idleSince == null ? e.recordedAt() : idleSince;
        return new IdleWatch(idle, enabled, autoStops, manualStops, lastActivityAt, lastActivity, warnedAt,
                plannedStopAt, controllerMarked, snoozedUntil);
    }

    /** Stops requested by the idle policy are counted by {@link #on(IdleStopTriggered)}, not here. */
    IdleWatch on(LifecycleActionRequested e) {
        boolean manual = e.action() == LifecycleAction.STOP && !WorkerState.IDLE_POLICY.equals(e.requestedBy());
        return manual ? new IdleWatch(idleSince, enabled, autoStops, manualStops + 1, lastActivityAt, lastActivity,
                warnedAt, plannedStopAt, controllerMarked, snoozedUntil) : this;
    }

    /** Leaving RUNNING ends a pending warning (there is nothing left to stop); the controller stays marked. */
    IdleWatch on(StatusChanged e) {
        return e.to() == WorkerStatus.RUNNING ? this : withoutWarning(controllerMarked);
    }

    IdleWatch on(IdleStopConfigured e) {
        return new IdleWatch(idleSince, e.enabled(), autoStops, manualStops, lastActivityAt, lastActivity, warnedAt,
                plannedStopAt, controllerMarked, snoozedUntil);
    }

    /** The stop consumes the warning; the controller stays in maintenance mode until the worker resumes. */
    IdleWatch on(IdleStopTriggered e) {
        return new IdleWatch(idleSince, enabled, autoStops + 1, manualStops, lastActivityAt, lastActivity, null, null,
                controllerMarked, snoozedUntil);
    }

    IdleWatch on(UserActivityObserved e) {
        return new IdleWatch(idleSince, enabled, autoStops, manualStops, e.activityAt(),
                e.category() + " by " + e.user(), warnedAt, plannedStopAt, controllerMarked, snoozedUntil);
    }

    IdleWatch on(IdleStopWarned e) {
        return new IdleWatch(idleSince, enabled, autoStops, manualStops, lastActivityAt, lastActivity, e.warnedAt(),
                e.plannedStopAt(), controllerMarked || e.maintenanceMode(), snoozedUntil);
    }

    IdleWatch on(IdleStopCancelled e) {
        return withoutWarning(false);
    }

    IdleWatch on(IdleStopSnoozed e) {
        return new IdleWatch(idleSince, enabled, autoStops, manualStops, lastActivityAt, lastActivity, warnedAt,
                plannedStopAt, controllerMarked, e.until());
    }

    /** Whether a warning is pending. */
    public boolean warned() {
        return warnedAt != null;
    }

    private IdleWatch withoutWarning(boolean marked) {
        return new IdleWatch(idleSince, enabled, autoStops, manualStops, lastActivityAt, lastActivity, null, null,
                marked, snoozedUntil);
    }
}
