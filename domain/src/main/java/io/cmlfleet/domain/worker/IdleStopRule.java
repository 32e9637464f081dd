package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.command.EvaluateIdleness;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Idle detection: a RUNNING worker whose CML has had no running nodes for {@code idleAfter} is stopped, when idle
 * stopping is on fleet-wide and for this worker, and not within {@code snoozeAfterResume} of its last resume (a
 * worker just started has had no time to run a lab). The idle clock starts at the later of "CML reported no running
 * nodes" and the last resume. The verdict's reasons are the texts the operator sees.
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
        String notIdle = reasonNotToStop(state, settings);
        if (notIdle != null) {
            return IdleStopVerdict.keepRunning(notIdle);
        }
        Instant idleStart = idleClockStart(state);
        long idleMinutes = Duration.between(idleStart, now).toMinutes();
        String reason = "no running CML nodes for " + idleMinutes + " min (idle limit "
                + settings.idleAfter().toMinutes() + " min)";
        return new IdleStopVerdict(reason, List.of(
                new IdleStopTriggered(state.workerId(), idleStart, idleMinutes, reason, now),
                new LifecycleActionRequested(state.workerId(), LifecycleAction.STOP, WorkerState.IDLE_POLICY, reason,
                        requestedAt)));
    }

    /** The first condition, in this order, that keeps the worker running; {@code null} when none does. */
    private static String reasonNotToStop(WorkerState state, EvaluateIdleness settings) {
        Instant now = settings.evaluatedAt();
        if (!settings.enabledFleetWide()) {
            return "idle stopping is disabled fleet-wide";
        }
        if (!state.idleStopEnabled()) {
            return "idle stopping is disabled for this worker";
        }
        if (state.status() != WorkerStatus.RUNNING || state.runningSince() == null) {
            return "worker is " + state.status() + ", not RUNNING";
        }
        LifecycleActionRequested lastRequest = state.lastLifecycleRequest();
        if (lastRequest != null && lastRequest.action() == LifecycleAction.STOP
                && !lastRequest.requestedAt().isBefore(state.runningSince())) {
            return "a stop was already requested at " + lastRequest.requestedAt();
        }
        if (state.idleSince() == null) {
            return state.cmlFacts() == null || state.cmlFacts().nodesRunning() == null
                    ? "no lab activity known yet" : "lab activity: " + state.cmlFacts().nodesRunning()
                    + " nodes running";
        }
        Instant snoozedUntil = state.runningSince().plus(settings.snoozeAfterResume());
        if (now.isBefore(snoozedUntil)) {
            return "snoozed until " + snoozedUntil + " after resume";
        }
        Duration idleFor = Duration.between(idleClockStart(state), now);
        if (idleFor.compareTo(settings.idleAfter()) < 0) {
            return "idle for " + idleFor.toMinutes() + " min of " + settings.idleAfter().toMinutes() + " min";
        }
        return null;
    }

    /** Idle since the later of the last "no running nodes" report and the last resume. */
    private static Instant idleClockStart(WorkerState state) {
        Instant idleSince = state.idleSince();
        Instant runningSince = state.runningSince();
        return idleSince.isAfter(runningSince) ? idleSince : runningSince;
    }
}
