package io.cmlfleet.application.forensics.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
import io.cmlfleet.application.forensics.finding.LaunchToAvailable;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import java.time.Duration;
import java.time.Instant;

/**
 * How long the worker took from its creation to the first AVAILABLE service. Measured over the whole history,
 * whatever the window: how long a launch took does not depend on the stretch of time asked about, so it is fed
 * every event of the history rather than the windowed pass, and is done at the first AVAILABLE.
 */
public final class LaunchToAvailableDetector {

    @JsonProperty @JsonView(DetectorState.Found.class)
    private Instant created;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private Instant firstAvailableAt;

    /** The next event of the whole history; nothing changes once the service was first AVAILABLE. */
    public void observe(RecordedEvent recorded) {
        if (measured()) {
            return;
        }
        if (recorded.event() instanceof WorkerCreated) {
            created = recorded.at();
        } else if (recorded.event() instanceof ServiceHealthEvaluated e
                && e.newStatus() == CmlServiceStatus.AVAILABLE) {
            firstAvailableAt = recorded.at();
        }
    }

    /** Whether the first AVAILABLE was seen: later events cannot change the result. */
    public boolean measured() {
        return firstAvailableAt != null;
    }

    public LaunchToAvailable result() {
        return new LaunchToAvailable(created, firstAvailableAt,
                created == null || firstAvailableAt == null ? null : Duration.between(created, firstAvailableAt));
    }
}
