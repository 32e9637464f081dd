package io.cmlfleet.application.forensics.detection;

import io.cmlfleet.application.forensics.finding.Finding;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.domain.worker.WorkerState;
import java.time.Instant;
import java.util.List;

/**
 * One rule over a worker's history. The analyzer folds the history into one {@link WorkerState} and shows each
 * event to every detector right after folding it in, so all rules judge a moment by the same state the aggregate
 * and the monitoring saga had then. A detector holds the state of one pass: use a new one per analysis.
 *
 * <p>Events before the window only build up context (a pending stop request, the last heartbeat); a detector reports
 * what overlaps the window.
 */
public interface FindingDetector {

    /** One event of the history, already folded into {@code state}. */
    void observe(RecordedEvent recorded, WorkerState state);

    /**
     * The history ends: close what is still open and return what the rule found.
     *
     * @param end   the end of the window, or the last event's time when the window is open-ended; {@code null} only
     *              for an empty history without an end, which leaves nothing open
     * @param state the state at the end
     */
    List<? extends Finding> finish(Instant end, WorkerState state);
}
