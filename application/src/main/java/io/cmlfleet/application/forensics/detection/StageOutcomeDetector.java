package io.cmlfleet.application.forensics.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
import io.cmlfleet.application.forensics.finding.OutcomeCount;
import io.cmlfleet.application.forensics.finding.StageExplanation;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.RefreshStageOutcome;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the refreshes of the window did with one stage, read from the stage outcomes of {@code RefreshCompleted}: how
 * often it ran, failed or was skipped, and each distinct (result, detail), most frequent first.
 */
public final class StageOutcomeDetector implements FindingDetector {

    private final RefreshStage stage;
    private final TimeWindow window;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private final Map<String, OutcomeCount> outcomes = new LinkedHashMap<>();
    @JsonProperty @JsonView(DetectorState.Found.class)
    private int refreshes;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private int ran;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private int failed;
    @JsonProperty @JsonView(DetectorState.Found.class)
    private int skipped;

    public StageOutcomeDetector(RefreshStage stage, TimeWindow window) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void observe(RecordedEvent recorded, WorkerState state) {
        if (!(recorded.event() instanceof RefreshCompleted refresh) || !window.contains(recorded.at())) {
            return;
        }
        refreshes++;
        for (RefreshStageOutcome outcome : refresh.stages()) {
            if (outcome.stage() == stage) {
                count(outcome, recorded.at());
            }
        }
    }

    @Override
    public List<StageExplanation> finish(Instant end, WorkerState state) {
        List<OutcomeCount> sorted = outcomes.values().stream()
                .sorted(Comparator.comparingInt(OutcomeCount::count).reversed().thenComparing(OutcomeCount::first))
                .toList();
        return List.of(new StageExplanation(stage, refreshes, ran, failed, skipped, sorted));
    }

    private void count(RefreshStageOutcome outcome, Instant at) {
        switch (outcome.result()) {
            case RAN -> ran++;
            case FAILED -> failed++;
            case SKIPPED -> skipped++;
        }
        outcomes.merge(outcome.result() + "|" + outcome.detail(),
                new OutcomeCount(outcome.result(), outcome.detail(), 1, at, at),
                (before, now) -> new OutcomeCount(before.result(), before.detail(), before.count() + 1,
                        before.first(), at));
    }
}
