package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.finding.LaunchToAvailable;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.application.forensics.history.WorkerHistoryReader;
import io.cmlfleet.application.readmodel.projection.ForensicCheckpoint;
import io.cmlfleet.application.readmodel.projection.ForensicCheckpoints;
import io.cmlfleet.domain.worker.WorkerState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Findings resumed from a forensic checkpoint's findings pass instead of folded from the first event. Exact: a
 * checkpoint at sequence n holds the pass over events 0..n of the whole history, and it is used only when every one
 * of those events lies before the window's end and, for a window with a start, before its start.
 * <ul>
 *     <li>Without a start, the full fold would have shown events 0..n to the detectors as in the window (none is
 *     at or after its end) and judged every stretch they closed as overlapping it: the same as the whole history's
 *     pass. The pass resumes with what it found.</li>
 *     <li>With a start, none of events 0..n is in the window and no stretch closed by them reaches it, so the full
 *     fold found nothing there: the pass resumes with the detectors' context only.</li>
 * </ul>
 * The launch measure reads the whole history whatever the window, so it resumes from the latest checkpoint. Any
 * checkpoint missing or unreadable: empty, and the caller folds from the first event.
 */
final class CheckpointedFindings {

    private final WorkerHistoryReader histories;
    private final ForensicCheckpoints checkpoints;
    private final ForensicsSettings settings;
    private final String revision;

    CheckpointedFindings(WorkerHistoryReader histories, ForensicCheckpoints checkpoints, ForensicsSettings settings) {
        this.histories = Objects.requireNonNull(histories, "histories");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.revision = FindingsCheckpointing.revisionOf(settings);
    }

    Optional<Findings> find(String workerId, TimeWindow window) {
        boolean fromFirstEvent = window.from() == null;
        Optional<ForensicCheckpoint> found = checkpoints.latestWithFindingsBefore(workerId, revision,
                fromFirstEvent ? window.to() : window.from());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ForensicCheckpoint checkpoint = found.get();
        Optional<FindingsPass> resumed = FindingsPass.resume(checkpoint.findingsJson(), settings, window,
                fromFirstEvent);
        if (resumed.isEmpty()) {
            return Optional.empty();
        }
        FindingsPass pass = resumed.get();
        // Whole history: this is the latest checkpoint and the read goes to the end, so it serves the launch too.
        boolean launchHere = fromFirstEvent && window.to() == null;
        WorkerState state = checkpoint.state().toState();
        Instant[] lastAt = {checkpoint.lastEventAt()};
        histories.scan(workerId, checkpoint.sequence() + 1, false, recorded -> {
            if (window.isAfter(recorded.at())) {
                return false;
            }
            state.apply(recorded.event());
            pass.observe(recorded, state);
            if (launchHere) {
                pass.observeLaunch(recorded);
            }
            lastAt[0] = recorded.at();
            return true;
        });
        Optional<LaunchToAvailable> launch = launchHere ? Optional.of(pass.launch()) : launch(workerId);
        Instant end = window.to() != null ? window.to() : lastAt[0];
        return launch.map(measured -> pass.findings(workerId, window, end, state, measured));
    }

    /** The launch from the latest checkpoint, read on from there until the first AVAILABLE or the end. */
    private Optional<LaunchToAvailable> launch(String workerId) {
        Optional<ForensicCheckpoint> latest = checkpoints.latestWithFindingsBefore(workerId, revision, null);
        Optional<FindingsPass> resumed = latest.flatMap(checkpoint -> FindingsPass.resume(checkpoint.findingsJson(),
                settings, TimeWindow.all(), true));
        if (resumed.isEmpty()) {
            return Optional.empty();
        }
        FindingsPass pass = resumed.get();
        if (!pass.launchMeasured()) {
            histories.scan(workerId, latest.get().sequence() + 1, false, recorded -> {
                pass.observeLaunch(recorded);
                return !pass.launchMeasured();
            });
        }
        return Optional.of(pass.launch());
    }
}
