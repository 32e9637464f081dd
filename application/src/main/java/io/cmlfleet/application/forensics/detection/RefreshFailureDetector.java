package io.cmlfleet.application.forensics.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
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
import java.util.Objects;

/** The {@code RefreshFailed} events of the window, counted per stage, in stage order. */
public final class RefreshFailureDetector implements FindingDetector {

    private final TimeWindow window;
    /** The tally so far per stage, not the failures themselves: a checkpoint carries it, so it stays this small. */
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final EnumMap<RefreshStage, StageFailures> failures = new EnumMap<>(RefreshStage.class);

    public RefreshFailureDetector(TimeWindow window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void observe(RecordedEvent recorded, WorkerState state) {
        if (recorded.event() instanceof RefreshFailed e && window.contains(recorded.at())) {
            int retryable = e.retryable() ? 1 : 0;
            failures.merge(e.stage(), new StageFailures(e.stage(), 1, retryable, e.failedAt(), e.failedAt(),
                    e.errorCode(), e.message()), (before, now) -> new StageFailures(e.stage(), before.count() + 1,
                    before.retryable() + retryable, before.firstAt(), e.failedAt(), e.errorCode(), e.message()));
        }
    }

    @Override
    public List<StageFailures> finish(Instant end, WorkerState state) {
        return new ArrayList<>(failures.values());
    }
}
