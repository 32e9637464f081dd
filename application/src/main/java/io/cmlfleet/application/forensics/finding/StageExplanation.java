package io.cmlfleet.application.forensics.finding;

import io.cmlfleet.domain.worker.RefreshStage;
import java.util.List;

/**
 * What the refresh gate did with one stage over a window, read from the stage outcomes of {@code RefreshCompleted}:
 * how often it ran (for the CML stage: the CML API was queried), failed, or was skipped, with each distinct reason.
 *
 * @param stage     the stage explained: {@code HEALTH_CHECK}, or {@link #CML_QUERY} for the CML query
 * @param refreshes refreshes in the window
 * @param ran       refreshes in which the stage ran
 * @param failed    refreshes in which it failed
 * @param skipped   refreshes in which it was skipped
 * @param outcomes  each distinct (result, detail) with count and first/last time, most frequent first
 */
public record StageExplanation(RefreshStage stage, int refreshes, int ran, int failed, int skipped,
                               List<OutcomeCount> outcomes) implements Finding {

    /** The four CML stages share one gate decision, so the first of them stands for "the CML API query". */
    public static final RefreshStage CML_QUERY = RefreshStage.CML_INFORMATION;

    public StageExplanation {
        outcomes = List.copyOf(outcomes);
    }

    /** Ran or failed: the call was made. */
    public int attempted() {
        return ran + failed;
    }
}
