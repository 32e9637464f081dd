package io.cmlfleet.application.forensics.detection;

import io.cmlfleet.application.forensics.finding.LaunchToAvailable;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long the worker took from its creation to the first AVAILABLE service. Measured over the whole history,
 * whatever the window: how long a launch took does not depend on the stretch of time asked about, so it reads the
 * history itself rather than being fed the windowed pass.
 */
public final class LaunchToAvailableDetector {

    private LaunchToAvailableDetector() {
    }

    public static LaunchToAvailable measure(List<RecordedEvent> history) {
        Instant created = null;
        for (RecordedEvent recorded : history) {
            if (recorded.event() instanceof WorkerCreated) {
                created = recorded.at();
            } else if (recorded.event() instanceof ServiceHealthEvaluated e
                    && e.newStatus() == CmlServiceStatus.AVAILABLE) {
                return new LaunchToAvailable(created, recorded.at(),
                        created == null ? null : Duration.between(created, recorded.at()));
            }
        }
        return new LaunchToAvailable(created, null, null);
    }
}
