package io.cmlfleet.application.forensics.detection;

import io.cmlfleet.application.forensics.finding.StageFailures;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The {@code RefreshFailed} events of the window, counted per stage, in stage order. */
public final class RefreshFailureDetector implements FindingDetector {

    private final TimeWindow window;
    private final Map<RefreshStage, List<RefreshFailed>> failures = new EnumMap<>(RefreshStage.class);

    public RefreshFailureDetector(TimeWindow window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void observe(RecordedEvent recorded, WorkerState state) {
        if (recorded.event() instanceof RefreshFailed e && window.contains(recorded.at())) {
            failures.computeIfAbsent(e.stage(), stage -> new ArrayList<>()).add(e);
        }
    }

    @Override
    public List<StageFailures> finish(Instant end, WorkerState state) {
        List<StageFailures> perStage = new ArrayList<>();
        failures.forEach((stage, events) -> {
            RefreshFailed last = events.get(events.size() - 1);
            int retryable = (int) events.stream().filter(RefreshFailed::retryable).count();
            perStage.add(new StageFailures(stage, events.size(), retryable, events.get(0).failedAt(),
                    last.failedAt(), last.errorCode(), last.message()));
        });
        return perStage;
    }
}
