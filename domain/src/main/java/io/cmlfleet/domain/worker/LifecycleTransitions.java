package io.cmlfleet.domain.worker;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which statuses a worker may be in for a lifecycle action to be requested, e.g. STOP while RUNNING or still coming
 * up (PENDING, STARTING), START while STOPPED, TERMINATE from anything but TERMINATED. The status is what cmlfleet
 * last knew and EC2 has the last word on the call itself (a refusal is recorded as {@code LifecycleActionFailed}),
 * so UNKNOWN and FAILED allow START and STOP: only requests that make no sense for the known status are refused.
 */
final class LifecycleTransitions {

    private LifecycleTransitions() {
    }

    /** The statuses from which {@code action} may be requested. */
    static Set<WorkerStatus> allowedFrom(LifecycleAction action) {
        return switch (action) {
            case START -> EnumSet.of(WorkerStatus.STOPPED, WorkerStatus.UNKNOWN, WorkerStatus.FAILED);
            case STOP -> EnumSet.of(WorkerStatus.RUNNING, WorkerStatus.PENDING, WorkerStatus.STARTING,
                    WorkerStatus.UNKNOWN, WorkerStatus.FAILED);
            case TERMINATE -> EnumSet.complementOf(EnumSet.of(WorkerStatus.TERMINATED));
        };
    }

    /**
     * Why {@code action} cannot be requested for a worker in this state, e.g. {@code cannot START a worker that is
     * RUNNING (START needs one of [STOPPED, FAILED, UNKNOWN])}; empty when it can.
     */
    static Optional<String> refusal(WorkerState state, LifecycleAction action) {
        Set<WorkerStatus> allowed = allowedFrom(action);
        if (allowed.contains(state.status())) {
            return Optional.empty();
        }
        return Optional.of("cannot " + action + " a worker that is " + state.status() + " (" + action
                + " needs one of " + allowed + ")");
    }
}
