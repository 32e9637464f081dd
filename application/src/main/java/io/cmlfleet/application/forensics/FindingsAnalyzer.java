package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.detection.EndpointChangeDetector;
import io.cmlfleet.application.forensics.detection.EndpointlessRunDetector;
import io.cmlfleet.application.forensics.detection.FindingDetector;
import io.cmlfleet.application.forensics.detection.FlappingDetector;
import io.cmlfleet.application.forensics.detection.LaunchToAvailableDetector;
import io.cmlfleet.application.forensics.detection.LicenceChangeDetector;
import io.cmlfleet.application.forensics.detection.LicenceExpiredDetector;
import io.cmlfleet.application.forensics.detection.LicenceExpiringDetector;
import io.cmlfleet.application.forensics.detection.LicenceRenewalFailureDetector;
import io.cmlfleet.application.forensics.detection.MonitoringGapDetector;
import io.cmlfleet.application.forensics.detection.OutsideStopDetector;
import io.cmlfleet.application.forensics.detection.RefreshFailureDetector;
import io.cmlfleet.application.forensics.detection.StageOutcomeDetector;
import io.cmlfleet.application.forensics.detection.StuckStateDetector;
import io.cmlfleet.application.forensics.finding.Finding;
import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.finding.StageExplanation;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.WorkerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes {@link Findings} from one worker's history. Pure: a list of recorded events in, findings out, so every
 * rule can be tested on a hand-written stream. The history is folded into one {@link WorkerState} as it goes and
 * each event is shown to every detector, so the rules judge each moment by the state the aggregate had then.
 *
 * <p>Events before the window only build up context; a finding is reported when it overlaps the window.
 */
public final class FindingsAnalyzer {

    private final ForensicsSettings settings;

    public FindingsAnalyzer(ForensicsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Findings analyze(String workerId, List<RecordedEvent> history, TimeWindow window) {
        List<FindingDetector> detectors = detectors(window);
        WorkerState state = new WorkerState();
        for (RecordedEvent recorded : history) {
            if (window.isAfter(recorded.at())) {
                break;
            }
            state.apply(recorded.event());
            detectors.forEach(detector -> detector.observe(recorded, state));
        }
        Instant end = window.to() != null ? window.to()
                : history.isEmpty() ? null : history.get(history.size() - 1).at();
        List<Finding> findings = new ArrayList<>();
        detectors.forEach(detector -> findings.addAll(detector.finish(end, state)));
        findings.add(LaunchToAvailableDetector.measure(history));
        return new Findings(workerId, window, findings);
    }

    /** Fresh detectors for one pass: they keep what they have seen so far. */
    private List<FindingDetector> detectors(TimeWindow window) {
        return List.of(
                new MonitoringGapDetector(settings.fastCadence(), settings.normalCadence(), window),
                FlappingDetector.ofStatus(settings.flappingChanges(), settings.flappingWindow(), window),
                FlappingDetector.ofService(settings.flappingChanges(), settings.flappingWindow(), window),
                new StuckStateDetector(settings.stuckAfter(), window),
                new EndpointChangeDetector(window),
                new EndpointlessRunDetector(settings.fastCadence(), window),
                new RefreshFailureDetector(window),
                new StageOutcomeDetector(RefreshStage.HEALTH_CHECK, window),
                new StageOutcomeDetector(StageExplanation.CML_QUERY, window),
                new OutsideStopDetector(settings.requestedStopWindow(), window),
                new LicenceRenewalFailureDetector(window),
                new LicenceExpiredDetector(window),
                new LicenceExpiringDetector(window),
                new LicenceChangeDetector(window));
    }
}
