package io.cmlfleet.application.forensics.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
import io.cmlfleet.application.forensics.finding.LicenceRenewalFailed;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.LicenceRenewal;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.LicenceStateChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Every failed renewal a licence check in the window saw, once per renewal attempt. */
public final class LicenceRenewalFailureDetector implements FindingDetector {

    private final TimeWindow window;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final Set<String> seen = new HashSet<>();
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final List<LicenceRenewalFailed> failures = new ArrayList<>();

    public LicenceRenewalFailureDetector(TimeWindow window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void observe(RecordedEvent recorded, WorkerState state) {
        if (window.contains(recorded.at()) && recorded.event() instanceof LicenceStateChanged e) {
            failed(e.observedAt(), "authorization", e.licence().authorizationRenewal());
            failed(e.observedAt(), "registration", e.licence().registrationRenewal());
        }
    }

    private void failed(Instant at, String what, LicenceRenewal renewal) {
        // Later checks keep reporting the same failed attempt; it is one finding.
        if (renewal != null && renewal.failed() && seen.add(what + "|" + renewal.attempted())) {
            failures.add(new LicenceRenewalFailed(at, what, renewal.attempted(), renewal.failure(),
                    renewal.scheduled()));
        }
    }

    @Override
    public List<LicenceRenewalFailed> finish(Instant end, WorkerState state) {
        return failures;
    }
}
