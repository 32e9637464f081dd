package io.cmlfleet.application.forensics.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
import io.cmlfleet.application.forensics.finding.EndpointlessRun;
import io.cmlfleet.application.forensics.finding.FindingPhrasing;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stretches in which the worker was RUNNING without an HTTPS endpoint, so neither the health check nor the CML query
 * could run. Shorter than one fast refresh is the normal boot (RUNNING and the endpoint come in one observation).
 */
public final class EndpointlessRunDetector implements FindingDetector {

    private final Duration fastCadence;
    private final TimeWindow window;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final List<EndpointlessRun> runs = new ArrayList<>();
    @JsonProperty @JsonView(DetectorState.Context.class)
    private Instant since;
    @JsonProperty @JsonView(DetectorState.Context.class)
    private String cause;

    public EndpointlessRunDetector(Duration fastCadence, TimeWindow window) {
        this.fastCadence = Objects.requireNonNull(fastCadence, "fastCadence");
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void observe(RecordedEvent recorded, WorkerState state) {
        boolean endpointless = state.status() == WorkerStatus.RUNNING && state.endpoint() == null
                && !state.isTerminated();
        if (endpointless && since == null) {
            since = recorded.at();
            cause = FindingPhrasing.endpointlessCause(state.publicIp());
        } else if (!endpointless && since != null) {
            close(recorded.at(), false);
        }
    }

    @Override
    public List<EndpointlessRun> finish(Instant end, WorkerState state) {
        if (since != null) {
            close(end, true);
        }
        return runs;
    }

    private void close(Instant until, boolean ongoing) {
        Duration duration = Duration.between(since, until);
        if (duration.compareTo(fastCadence) > 0 && window.overlaps(since, until)) {
            runs.add(new EndpointlessRun(since, until, duration, cause, ongoing));
        }
        since = null;
        cause = null;
    }
}
