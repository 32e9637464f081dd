package io.cmlfleet.application.forensics.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
import io.cmlfleet.application.forensics.finding.StuckState;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.StatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Transitional statuses (PENDING, STARTING, STOPPING, SHUTTING_DOWN) held longer than {@code stuckAfter}. */
public final class StuckStateDetector implements FindingDetector {

    private final Duration stuckAfter;
    private final TimeWindow window;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final List<StuckState> stuck = new ArrayList<>();
    /** The status before the event being observed: the one a closing stretch was held in. */
    @JsonProperty @JsonView(DetectorState.Context.class)
    private WorkerStatus statusBefore = new WorkerState().status();
    @JsonProperty @JsonView(DetectorState.Context.class)
    private Instant transitionalSince;

    public StuckStateDetector(Duration stuckAfter, TimeWindow window) {
        this.stuckAfter = Objects.requireNonNull(stuckAfter, "stuckAfter");
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void observe(RecordedEvent recorded, WorkerState state) {
        if (recorded.event() instanceof StatusChanged changed) {
            if (transitionalSince != null) {
                close(statusBefore, recorded.at(), false);
            }
            transitionalSince = changed.to().isTransitional() ? recorded.at() : null;
        }
        statusBefore = state.status();
    }

    @Override
    public List<StuckState> finish(Instant end, WorkerState state) {
        if (transitionalSince != null) {
            close(state.status(), end, true);
        }
        return stuck;
    }

    private void close(WorkerStatus status, Instant until, boolean ongoing) {
        Duration held = Duration.between(transitionalSince, until);
        if (held.compareTo(stuckAfter) > 0 && window.overlaps(transitionalSince, until)) {
            stuck.add(new StuckState(status, transitionalSince, until, held, ongoing));
        }
    }
}
