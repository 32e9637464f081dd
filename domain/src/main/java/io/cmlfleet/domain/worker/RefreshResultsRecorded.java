package io.cmlfleet.domain.worker;

import java.util.List;

/**
 * The answer to {@code RecordRefreshResults}.
 *
 * @param gate   the refresh gate on the resulting state
 * @param idle   the idle-stop decision, or null when none was asked for
 * @param stages the stage outcomes as recorded, with the aggregate's corrections (discarded or malformed parts)
 */
public record RefreshResultsRecorded(RefreshGateDecision gate, IdleStopDecision idle,
                                     List<RefreshStageOutcome> stages) {

    public RefreshResultsRecorded {
        stages = List.copyOf(stages);
    }
}
