package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.command.EvaluateIdleness;
import io.cmlfleet.domain.worker.event.IdleStopCancelled;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.IdleStopWarned;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Idle detection: a RUNNING worker whose CML has had no running nodes and no user activity for {@code idleAfter}
 * is warned ({@link IdleStopWarned}, the stop planned a grace period later), and stopped once the grace has passed
 * with the worker still idle. Nothing happens while idle stopping is off fleet-wide or for this worker, within
 * {@code snoozeAfterResume} of its last resume (a worker just started has had no time to run a lab), or while an
 * operator's snooze lasts. Activity, a snooze or an opt-out during the grace withdraws the warning
 * ({@link IdleStopCancelled}); so does the first evaluation after a resume that finds the controller still in the
 * maintenance mode of an earlier warning. The idle clock starts at the latest of "CML reported no running nodes",
 * the last resume and the last user activity. The verdict's reasons are the texts the operator sees.
 */
final class IdleStopRule {

    private IdleStopRule() {
    }

    /**
     * Decides on the settings the command carries (validated by the command handler). A stop is recorded as
     * {@link IdleStopTriggered} and requested like any other, by {@link WorkerState#IDLE_POLICY}.
     *
     * @param requestedAt when the stop is requested: the host's clock, as for every requested action
     */
    static IdleStopVerdict evaluate(WorkerState state, EvaluateIdleness settings, Instant requestedAt) {
        Instant now = settings.evaluatedAt();
        IdleWatch idle = state.idle();
        String notToWatch = reasonNotToWatch(state, settings);
        if (notToWatch != null) {
            return IdleStopVerdict.keepRunning(notToWatch);
        }
        if (idle.controllerMarked() && !idle.warned()) {
            return state.serviceStatus() == CmlServiceStatus.AVAILABLE
                    ? cancel(state, "worker resumed after an idle stop: lifting CML maintenance mode", now)
                    : IdleStopVerdict.keepRunning("waiting for CML to lift the maintenance mode of an idle stop");
        }
        String notIdle = reasonNotIdle(state, settings);
        if (notIdle != null) {
            return idle.warned() ? cancel(state, notIdle, now) : IdleStopVerdict.keepRunning(notIdle);
        }
        Instant idleStart = idleClockStart(state);
        long idleMinutes = Duration.between(idleStart, now).toMinutes();
        String reason = "no running CML nodes for " + idleMinutes + " min (idle limit "
                + settings.idleAfter().toMinutes() + " min" + lastActivity(idle) + ")";
        if (idle.warned() && now.isBefore(idle.plannedStopAt())) {
            return IdleStopVerdict.keepRunning("warned at " + idle.warnedAt() + ": stopping at "
                    + idle.plannedStopAt());
        }
        if (idle.warned() || settings.gracePeriod().isZero()) {
            String stopReason = idle.warned() ? reason + "; warned at " + idle.warnedAt() : reason;
            return new IdleStopVerdict(stopReason, List.of(
                    new IdleStopTriggered(state.workerId(), idleStart, idleMinutes, stopReason, now),
                    new LifecycleActionRequested(state.workerId(), LifecycleAction.STOP, WorkerState.IDLE_POLICY,
                            stopReason, requestedAt)), true, false, false);
        }
        Instant plannedStopAt = now.plus(settings.gracePeriod());
        return new IdleStopVerdict(reason + "; stopping at " + plannedStopAt, List.of(new IdleStopWarned(
                state.workerId(), idleStart, reason, plannedStopAt, settings.maintenanceMode(), now)),
                false, settings.maintenanceMode(), false);
    }

    /** The first condition under which idleness is not watched at all; {@code null} when none holds. */
    private static String reasonNotToWatch(WorkerState state, EvaluateIdleness settings) {
        if (!settings.enabledFleetWide()) {
            return "idle stopping is disabled fleet-wide";
        }
        if (state.status() != WorkerStatus.RUNNING || state.runningSince() == null) {
            return "worker is " + state.status() + ", not RUNNING";
        }
        LifecycleActionRequested lastRequest = state.lastLifecycleRequest();
        if (lastRequest != null && lastRequest.action() == LifecycleAction.STOP
                && !lastRequest.requestedAt().isBefore(state.runningSince())) {
            return "a stop was already requested at " + lastRequest.requestedAt();
        }
        return null;
    }

    /** The first condition, in this order, that keeps the worker from being warned or stopped; null when none. */
    private static String reasonNotIdle(WorkerState state, EvaluateIdleness settings) {
        Instant now = settings.evaluatedAt();
        IdleWatch idle = state.idle();
        if (!idle.enabled()) {
            return "idle stopping is disabled for this worker";
        }
        if (idle.snoozedUntil() != null && now.isBefore(idle.snoozedUntil())) {
            return "snoozed by an operator until " + idle.snoozedUntil();
        }
        if (idle.idleSince() == null) {
            return state.cmlFacts() == null || state.cmlFacts().nodesRunning() == null
                    ? "no lab activity known yet" : "lab activity: " + state.cmlFacts().nodesRunning()
                    + " nodes running";
        }
        Instant snoozedUntil = state.runningSince().plus(settings.snoozeAfterResume());
        if (now.isBefore(snoozedUntil)) {
            return "snoozed until " + snoozedUntil + " after resume";
        }
        if (idle.warned() && idle.lastActivityAt() != null && idle.lastActivityAt().isAfter(idle.warnedAt())) {
            return "user activity: " + idle.lastActivity() + " at " + idle.lastActivityAt();
        }
        Duration idleFor = Duration.between(idleClockStart(state), now);
        if (idleFor.compareTo(settings.idleAfter()) < 0) {
            return "idle for " + idleFor.toMinutes() + " min of " + settings.idleAfter().toMinutes() + " min"
                    + lastActivity(idle);
        }
        return null;
    }

    private static IdleStopVerdict cancel(WorkerState state, String reason, Instant now) {
        return new IdleStopVerdict(reason, List.of(new IdleStopCancelled(state.workerId(), reason, now)), false,
                false, state.idle().controllerMarked());
    }

    private static String lastActivity(IdleWatch idle) {
        return idle.lastActivityAt() == null ? ""
                : "; last user activity " + idle.lastActivity() + " at " + idle.lastActivityAt();
    }

    /** Idle since the latest of the last "no running nodes" report, the last resume and the last user activity. */
    private static Instant idleClockStart(WorkerState state) {
        Instant start = latest(state.idleSince(), state.runningSince());
        Instant activity = state.idle().lastActivityAt();
        return activity == null ? start : latest(start, activity);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
