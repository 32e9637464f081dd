package io.cmlfleet.application.forensics.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
import io.cmlfleet.application.forensics.finding.FindingPhrasing;
import io.cmlfleet.application.forensics.finding.LicenceChanged;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.LicenceFacts;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.LicenceStateChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every licence check in the window whose licence differs from the check before it (which may be before the
 * window) in status, product, enterprise flag or account. Dates and renewals are left out: they change with every
 * renewal and have findings of their own.
 */
public final class LicenceChangeDetector implements FindingDetector {

    private static final List<Aspect> ASPECTS = List.of(
            new Aspect("registration", LicenceFacts::registrationStatus),
            new Aspect("authorization", LicenceFacts::authorizationStatus),
            new Aspect("product licence", LicenceFacts::productLicense),
            new Aspect("enterprise", LicenceFacts::enterprise),
            new Aspect("smart account", LicenceFacts::smartAccount),
            new Aspect("virtual account", LicenceFacts::virtualAccount));

    private record Aspect(String name, Function<LicenceFacts, Object> value) {
    }

    private final TimeWindow window;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final List<LicenceChanged> changes = new ArrayList<>();
    @JsonProperty @JsonView(DetectorState.Context.class)
    private LicenceFacts previous;

    public LicenceChangeDetector(TimeWindow window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void observe(RecordedEvent recorded, WorkerState state) {
        if (!(recorded.event() instanceof LicenceStateChanged e)) {
            return;
        }
        if (previous != null && window.contains(recorded.at())) {
            List<String> changed = new ArrayList<>();
            for (Aspect aspect : ASPECTS) {
                Object before = aspect.value().apply(previous);
                Object after = aspect.value().apply(e.licence());
                if (!Objects.equals(before, after)) {
                    changed.add(aspect.name() + " " + FindingPhrasing.transition(before, after));
                }
            }
            if (!changed.isEmpty()) {
                changes.add(new LicenceChanged(e.observedAt(), changed));
            }
        }
        previous = e.licence();
    }

    @Override
    public List<LicenceChanged> finish(Instant end, WorkerState state) {
        return changes;
    }
}
