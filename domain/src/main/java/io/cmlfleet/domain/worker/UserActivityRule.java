package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.event.UserActivityObserved;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a user activity read from CML's telemetry is news: recorded only when it is later than the last one
 * recorded, so a worker polled every minute does not gain an event per poll. A time ahead of the evaluation (the
 * controller's clock runs fast) counts as the evaluation's time, so it cannot hold the idle clock off for ever.
 */
final class UserActivityRule {

    private UserActivityRule() {
    }

    static Optional<UserActivityObserved> observed(WorkerState state, UserActivity activity, Instant evaluatedAt) {
        if (activity == null || activity.at() == null) {
            return Optional.empty();
        }
        String category = WorkerInputRules.reportedText("lastActivity.category", activity.category());
        String user = WorkerInputRules.reportedText("lastActivity.user", activity.user());
        Instant at = activity.at().isAfter(evaluatedAt) ? evaluatedAt : activity.at();
        Instant last = state.idle().lastActivityAt();
        if (last != null && !at.isAfter(last)) {
            return Optional.empty();
        }
        return Optional.of(new UserActivityObserved(state.workerId(), category, user, at, evaluatedAt));
    }
}
