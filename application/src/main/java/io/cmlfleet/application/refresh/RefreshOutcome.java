package io.cmlfleet.application.refresh;

import io.cmlfleet.domain.worker.RefreshGateDecision;
import io.cmlfleet.domain.worker.RefreshStageOutcome;
import java.util.List;

/**
 * The answer to {@link RefreshWorker}.
 *
 * @param workerId       the worker
 * @param performed      whether the refresh ran; {@code false} when it was skipped (see {@code skippedBecause})
 * @param skippedBecause why it did not run, e.g. a refresh of the worker is already in flight; {@code null} if it ran
 * @param gate           the refresh gate on the worker's state at the end of the refresh; {@code null} if skipped
 * @param stages         what each stage did
 */
public record RefreshOutcome(
        String workerId,
        boolean performed,
        String skippedBecause,
        RefreshGateDecision gate,
        List<RefreshStageOutcome> stages) {

    public RefreshOutcome {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    public static RefreshOutcome skipped(String workerId, String because) {
        return new RefreshOutcome(workerId, false, because, null, List.of());
    }
}
