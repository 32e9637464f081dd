package io.cmlfleet.application.forensics.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
import io.cmlfleet.application.forensics.finding.LicenceExpiring;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.LicenceStateChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every authorization or registration a licence check in the window found expiring within the horizon that check
 * was judged with, once per expiry date.
 */
public final class LicenceExpiringDetector implements FindingDetector {

    private final TimeWindow window;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final Set<String> seen = new HashSet<>();
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final List<LicenceExpiring> expiring = new ArrayList<>();

    public LicenceExpiringDetector(TimeWindow window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void observe(RecordedEvent recorded, WorkerState state) {
        if (window.contains(recorded.at()) && recorded.event() instanceof LicenceStateChanged e) {
            Duration horizon = Duration.ofDays(e.horizon());
            check(e.observedAt(), "authorization", e.licence().authorizationExpires(), horizon);
            check(e.observedAt(), "registration", e.licence().registrationExpires(), horizon);
        }
    }

    private void check(Instant at, String what, Instant expires, Duration horizon) {
        if (expires != null && expires.isAfter(at) && !expires.isAfter(at.plus(horizon))
                && seen.add(what + "|" + expires)) {
            expiring.add(new LicenceExpiring(at, what, expires, horizon));
        }
    }

    @Override
    public List<LicenceExpiring> finish(Instant end, WorkerState state) {
        return expiring;
    }
}
