package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.command.RecordRefreshCompleted;
import io.cmlfleet.domain.worker.command.RecordRefreshFailure;
import io.cmlfleet.domain.worker.command.RecordRefreshResults;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Records a whole refresh's results in one command, part by part in refresh order, through the same
 * {@link ObservationRecorder} methods the single-observation commands use. A part the worker cannot take does not
 * sink the others: it is left out and its stage outcome in the completion record says why — the endpoint changed
 * during the refresh, the gate no longer allows it, or the observation was malformed (also recorded as a
 * {@code RefreshFailed}, as a malformed single observation would be).
 */
final class RefreshResultsRecorder {

    private static final Set<RefreshStage> CML_STAGES = EnumSet.of(RefreshStage.CML_INFORMATION,
            RefreshStage.CML_STATS, RefreshStage.CML_LICENSING, RefreshStage.CML_LABS);

    private final WorkerState state;
    private final ObservationRecorder recorder;
    private final List<RefreshStageOutcome> stages;

    RefreshResultsRecorder(WorkerState state, ObservationRecorder recorder, RecordRefreshCompleted completed) {
        this.state = state;
        this.recorder = recorder;
        this.stages = new ArrayList<>(WorkerInputRules.required("completed", completed).stages() == null
                ? List.of() : completed.stages());
    }

    RefreshResultsRecorded record(RecordRefreshResults command) {
        String endpointNow = state.endpoint();
        boolean sameEndpoint = Objects.equals(command.checkedEndpoint(), endpointNow);
        String endpointChanged = "result discarded: the endpoint changed to " + endpointNow + " during the refresh";
        if (command.health() != null) {
            if (!sameEndpoint) {
                mark(Set.of(RefreshStage.HEALTH_CHECK), RefreshStageOutcome.skipped(RefreshStage.HEALTH_CHECK,
                        endpointChanged));
            } else if (!state.refreshGate().runHealthCheck()) {
                mark(Set.of(RefreshStage.HEALTH_CHECK), RefreshStageOutcome.skipped(RefreshStage.HEALTH_CHECK,
                        "result not recorded: " + state.refreshGate().healthCheckSkipReason()));
            } else {
                attempt(RefreshStage.HEALTH_CHECK, () -> recorder.health(command.health()));
            }
        }
        if (command.cmlStats() != null) {
            if (!sameEndpoint) {
                markCml(endpointChanged);
            } else if (!state.refreshGate().queryCmlApi()) {
                markCml("result not recorded: " + state.refreshGate().cmlQuerySkipReason());
            } else {
                attempt(RefreshStage.CML_STATS, () -> recorder.cmlStats(command.cmlStats()));
            }
        }
        command.failures().forEach(recorder::failure);
        if (command.telemetry() != null) {
            String notRecorded = attempt(RefreshStage.TELEMETRY,
                    () -> recorder.telemetry(command.telemetry(), command.telemetryMinChangePoints()));
            if (notRecorded != null) {
                mark(Set.of(RefreshStage.TELEMETRY), new RefreshStageOutcome(RefreshStage.TELEMETRY, StageResult.RAN,
                        notRecorded));
            }
        }
        IdleStopDecision idle = null;
        if (command.idleCheck() != null) {
            idle = recorder.idleness(command.idleCheck());
            stages.add(new RefreshStageOutcome(RefreshStage.IDLE_CHECK, StageResult.RAN,
                    (idle.stop() ? "stopping: " : "not stopping: ") + idle.reason()));
        }
        RecordRefreshCompleted completed = command.completed();
        recorder.completed(new RecordRefreshCompleted(completed.workerId(), completed.trigger(),
                completed.startedAt(), completed.completedAt(), stages));
        return new RefreshResultsRecorded(state.refreshGate(), idle, stages);
    }

    /** Records one part; a malformed one becomes a failed stage, as the single-observation path records it. */
    private <T> T attempt(RefreshStage stage, Supplier<T> part) {
        try {
            return part.get();
        } catch (InvalidWorkerInputException malformed) {
            recorder.failure(new RecordRefreshFailure(state.workerId(), stage, "INVALID_OBSERVATION",
                    malformed.getMessage(), recorder.now()));
            mark(Set.of(stage), RefreshStageOutcome.failed(stage, "INVALID_OBSERVATION: " + malformed.getMessage()));
            return null;
        }
    }

    private void markCml(String why) {
        for (int i = 0; i < stages.size(); i++) {
            RefreshStage stage = stages.get(i).stage();
            if (CML_STAGES.contains(stage) && stages.get(i).result() == StageResult.RAN) {
                stages.set(i, RefreshStageOutcome.skipped(stage, why));
            }
        }
    }

    /** Replaces the stage's outcome, or adds it when the refresh did not list the stage. */
    private void mark(Set<RefreshStage> which, RefreshStageOutcome outcome) {
        for (int i = 0; i < stages.size(); i++) {
            if (which.contains(stages.get(i).stage())) {
                stages.set(i, outcome);
                return;
            }
        }
        stages.add(outcome);
    }
}
