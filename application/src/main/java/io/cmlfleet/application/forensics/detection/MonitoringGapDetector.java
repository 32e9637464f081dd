package io.cmlfleet.application.forensics.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
import io.cmlfleet.application.forensics.finding.MonitoringGap;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.application.monitoring.RefreshCadence;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Silences of the monitoring heartbeat ({@code RefreshCompleted}) longer than twice the cadence that was in force at
 * the last heartbeat. The cadence comes from monitoring's own rule ({@link RefreshCadence}) on the state of that
 * moment, so a gap means "monitoring did not do what it was set to do".
 */
public final class MonitoringGapDetector implements FindingDetector {

    private final Duration fastCadence;
    private final Duration normalCadence;
    private final TimeWindow window;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final List<MonitoringGap> gaps = new ArrayList<>();
    @JsonProperty @JsonView(DetectorState.Context.class)
    private Instant lastHeartbeat;
    @JsonProperty @JsonView(DetectorState.Context.class)
    private Duration cadenceAtLastHeartbeat;

    public MonitoringGapDetector(Duration fastCadence, Duration normalCadence, TimeWindow window) {
        this.fastCadence = Objects.requireNonNull(fastCadence, "fastCadence");
        this.normalCadence = Objects.requireNonNull(normalCadence, "normalCadence");
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void observe(RecordedEvent recorded, WorkerState state) {
        if (recorded.event() instanceof WorkerCreated) {
            // Monitoring starts with the worker: the first refresh is due one cadence after the creation.
            heartbeat(recorded.at(), state);
        } else if (recorded.event() instanceof RefreshCompleted) {
            closeSilence(recorded.at(), state, false);
            heartbeat(recorded.at(), state);
        } else if (recorded.event() instanceof WorkerTerminated) {
            lastHeartbeat = null; // monitoring ends with the worker: silence afterwards is no gap
        }
    }

    @Override
    public List<MonitoringGap> finish(Instant end, WorkerState state) {
        closeSilence(end, state, true);
        return gaps;
    }

    private void heartbeat(Instant at, WorkerState state) {
        lastHeartbeat = at;
        cadenceAtLastHeartbeat = RefreshCadence.of(state.status(), state.serviceStatus()) == RefreshCadence.FAST
                ? fastCadence : normalCadence;
    }

    private void closeSilence(Instant until, WorkerState state, boolean ongoing) {
        if (lastHeartbeat == null || state.isTerminated()) {
            return;
        }
        Duration silence = Duration.between(lastHeartbeat, until);
        if (silence.compareTo(cadenceAtLastHeartbeat.multipliedBy(2)) > 0 && window.overlaps(lastHeartbeat, until)) {
            gaps.add(new MonitoringGap(lastHeartbeat, until, silence, cadenceAtLastHeartbeat, ongoing));
        }
    }
}
