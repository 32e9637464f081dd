package io.cmlfleet.application.forensics.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
import io.cmlfleet.application.forensics.finding.LicenceExpired;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.LicenceStateChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every authorization or registration a licence check in the window found past its expiry date, once per date.
 * Judged on the dates, not CML's status: a controller can say IN_COMPLIANCE with its authorization expired.
 */
public final class LicenceExpiredDetector implements FindingDetector {

    private final TimeWindow window;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final Set<String> seen = new HashSet<>();
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final List<LicenceExpired> expired = new ArrayList<>();

    public LicenceExpiredDetector(TimeWindow window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void observe(RecordedEvent recorded, WorkerState state) {
        if (window.contains(recorded.at()) && recorded.event() instanceof LicenceStateChanged e) {
            check(e.observedAt(), "authorization", e.licence().authorizationExpires());
            check(e.observedAt(), "registration", e.licence().registrationExpires());
        }
    }

    private void check(Instant at, String what, Instant expires) {
        if (expires != null && !expires.isAfter(at) && seen.add(what + "|" + expires)) {
            expired.add(new LicenceExpired(at, what, expires));
        }
    }

    @Override
    public List<LicenceExpired> finish(Instant end, WorkerState state) {
        return expired;
    }
}
