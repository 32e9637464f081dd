package io.cmlfleet.application.forensics.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
import io.cmlfleet.application.forensics.finding.FindingPhrasing;
import io.cmlfleet.application.forensics.finding.OutsideStop;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.StatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Stops observed on EC2 that nobody requested through cmlfleet: no STOP or TERMINATE within
 * {@code requestedStopWindow} before the worker went down. A request long before the window still counts, so the
 * last request is remembered from the whole history.
 */
public final class OutsideStopDetector implements FindingDetector {

    private static final Set<WorkerStatus> DOWN = EnumSet.of(WorkerStatus.STOPPING, WorkerStatus.STOPPED,
            WorkerStatus.SHUTTING_DOWN, WorkerStatus.TERMINATED);

    private final Duration requestedStopWindow;
    private final TimeWindow window;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final List<OutsideStop> stops = new ArrayList<>();
    @JsonProperty @JsonView(DetectorState.Context.class)
    private LifecycleActionRequested lastStopRequest;
    @JsonProperty @JsonView(DetectorState.Context.class)
    private Instant lastStopRequestAt;

    public OutsideStopDetector(Duration requestedStopWindow, TimeWindow window) {
        this.requestedStopWindow = Objects.requireNonNull(requestedStopWindow, "requestedStopWindow");
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void observe(RecordedEvent recorded, WorkerState state) {
        Instant at = recorded.at();
        if (recorded.event() instanceof LifecycleActionRequested e) {
            if (e.action() == LifecycleAction.STOP || e.action() == LifecycleAction.TERMINATE) {
                lastStopRequest = e;
                lastStopRequestAt = at;
            }
        } else if (recorded.event() instanceof StatusChanged e && window.contains(at)) {
            judge(e, at);
        }
    }

    @Override
    public List<OutsideStop> finish(Instant end, WorkerState state) {
        return stops;
    }

    private void judge(StatusChanged e, Instant at) {
        // A stop begins when the worker goes down from an up state; STOPPING → STOPPED continues the same stop.
        // A null ec2State is cmlfleet itself marking the worker terminated, which is no outside stop.
        boolean stopBegins = DOWN.contains(e.to()) && !DOWN.contains(e.from()) && e.ec2State() != null;
        boolean terminateBegins = e.to() == WorkerStatus.TERMINATED && e.from() == WorkerStatus.STOPPED
                && e.ec2State() != null;
        if (!stopBegins && !terminateBegins) {
            return;
        }
        boolean requested = lastStopRequestAt != null && !lastStopRequestAt.isAfter(at)
                && Duration.between(lastStopRequestAt, at).compareTo(requestedStopWindow) <= 0
                && (stopBegins || lastStopRequest.action() == LifecycleAction.TERMINATE);
        if (!requested) {
            stops.add(new OutsideStop(at, e.from(), e.to(), e.ec2State(), lastStopRequest == null ? null
                    : FindingPhrasing.lastRequest(lastStopRequest, lastStopRequestAt), requestedStopWindow));
        }
    }
}
