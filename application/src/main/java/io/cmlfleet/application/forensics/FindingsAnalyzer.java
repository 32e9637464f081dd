package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.WorkerState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Computes {@link Findings} from one worker's history. Pure: a list of recorded events in, findings out, so every
 * rule can be tested on a hand-written stream. The history is folded into one {@link WorkerState} as it goes and
 * each event is shown to every detector ({@link FindingsPass}), so the rules judge each moment by the state the
 * aggregate had then. This is the full fold that answers from checkpoints must equal.
 *
 * <p>Events before the window only build up context; a finding is reported when it overlaps the window.
 */
public final class FindingsAnalyzer {

    private final ForensicsSettings settings;

    public FindingsAnalyzer(ForensicsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Findings analyze(String workerId, List<RecordedEvent> history, TimeWindow window) {
        FindingsPass pass = new FindingsPass(settings, window);
        WorkerState state = new WorkerState();
        for (RecordedEvent recorded : history) {
            if (window.isAfter(recorded.at())) {
                break;
            }
            state.apply(recorded.event());
            pass.observe(recorded, state);
        }
        for (RecordedEvent recorded : history) {
            if (pass.launchMeasured()) {
                break;
            }
            pass.observeLaunch(recorded);
        }
        Instant end = window.to() != null ? window.to()
                : history.isEmpty() ? null : history.get(history.size() - 1).at();
        return pass.findings(workerId, window, end, state, pass.launch());
    }
}
