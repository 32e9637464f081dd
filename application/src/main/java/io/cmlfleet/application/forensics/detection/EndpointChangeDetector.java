package io.cmlfleet.application.forensics.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
import io.cmlfleet.application.forensics.finding.EndpointChange;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Every endpoint set ({@code populated}) or removed ({@code cleared}) in the window. */
public final class EndpointChangeDetector implements FindingDetector {

    private final TimeWindow window;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final List<EndpointChange> changes = new ArrayList<>();

    public EndpointChangeDetector(TimeWindow window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void observe(RecordedEvent recorded, WorkerState state) {
        if (!window.contains(recorded.at())) {
            return;
        }
        if (recorded.event() instanceof EndpointPopulated e) {
            changes.add(new EndpointChange(recorded.at(), "populated", e.endpoint(), e.source(), e.setBy()));
        } else if (recorded.event() instanceof EndpointCleared e) {
            changes.add(new EndpointChange(recorded.at(), "cleared", e.previousEndpoint(), e.previousSource(),
                    e.reason()));
        }
    }

    @Override
    public List<EndpointChange> finish(Instant end, WorkerState state) {
        return changes;
    }
}
