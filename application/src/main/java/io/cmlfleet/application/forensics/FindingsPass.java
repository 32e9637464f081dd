package io.cmlfleet.application.forensics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.forensics.detection.DetectorState;
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
import io.cmlfleet.application.forensics.finding.LaunchToAvailable;
import io.cmlfleet.application.forensics.finding.StageExplanation;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.WorkerState;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pass of the findings detectors over a worker's history, event by event, which can be written down after any
 * event ({@link #json()}) and resumed from there ({@link #resume}): the forensic checkpoints carry one after every
 * {@code ForensicCheckpoints.INTERVAL} events, so findings fold only the events after the latest one. A resumed pass
 * is the same objects with the same field values as the pass that went on, so it answers what the full fold would.
 */
final class FindingsPass {

    /**
     * Only the fields a detector marks ({@link DetectorState}) are written: its other fields (settings, window) are
     * private and have no getters, so Jackson does not see them. The values in them (findings, events) have no
     * views and are written whole.
     */
    private static final ObjectMapper JSON = CmlfleetSerializer.create().getObjectMapper();

    private final List<FindingDetector> detectors;
    private final LaunchToAvailableDetector launch = new LaunchToAvailableDetector();

    FindingsPass(ForensicsSettings settings, TimeWindow window) {
        this.detectors = List.of(
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

    /**
     * The pass a checkpoint's {@link #json()} describes, for {@code window}.
     *
     * @param withFound whether to take what the detectors found as well as their context: only for a window the
     *                  checkpoint's events all lie in (one from the first event); for a window after all of them,
     *                  the context alone, since nothing they hold lies in it
     * @return empty when the JSON does not read (the caller folds from the first event)
     */
    static Optional<FindingsPass> resume(String json, ForensicsSettings settings, TimeWindow window,
                                         boolean withFound) {
        FindingsPass pass = new FindingsPass(settings, window);
        Class<?> view = withFound ? DetectorState.Found.class : DetectorState.Context.class;
        try {
            JsonNode stored = JSON.readTree(json);
            if (!stored.isArray() || stored.size() != pass.detectors.size() + 1) {
                return Optional.empty();
            }
            for (int i = 0; i < pass.detectors.size(); i++) {
                JSON.readerForUpdating(pass.detectors.get(i)).withView(view).readValue(stored.get(i));
            }
            JSON.readerForUpdating(pass.launch).withView(view).readValue(stored.get(pass.detectors.size()));
            return Optional.of(pass);
        } catch (IOException | RuntimeException e) {
            // Whatever no longer reads (a shape the revision failed to tell apart) costs a full fold, not an answer.
            return Optional.empty();
        }
    }

    /** One event of the window, already folded into {@code state}. */
    void observe(RecordedEvent recorded, WorkerState state) {
        for (FindingDetector detector : detectors) {
            detector.observe(recorded, state);
        }
    }

    /** One event of the whole history, for the launch measure (which ignores the window). */
    void observeLaunch(RecordedEvent recorded) {
        launch.observe(recorded);
    }

    boolean launchMeasured() {
        return launch.measured();
    }

    /** The launch as measured so far: final once {@link #launchMeasured()}, or after the whole history. */
    LaunchToAvailable launch() {
        return launch.result();
    }

    /** What the detectors found when the window ends at {@code end}, and the launch measured over the history. */
    Findings findings(String workerId, TimeWindow window, Instant end, WorkerState state, LaunchToAvailable launch) {
        List<Finding> findings = new ArrayList<>();
        detectors.forEach(detector -> findings.addAll(detector.finish(end, state)));
        findings.add(launch);
        return new Findings(workerId, window, findings);
    }

    /** The detectors' state and the launch's, as a findings checkpoint stores it. */
    String json() {
        List<Object> state = new ArrayList<>(detectors);
        state.add(launch);
        try {
            return JSON.writerWithView(DetectorState.Found.class).writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the findings state: " + e.getOriginalMessage(), e);
        }
    }
}
