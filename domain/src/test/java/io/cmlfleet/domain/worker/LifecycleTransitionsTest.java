package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.domain.worker.event.StatusChanged;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which statuses allow which lifecycle request (docs/events.md, LifecycleActionRequested, says the same). */
class LifecycleTransitionsTest {

    private static final Set<WorkerStatus> START_FROM = EnumSet.of(WorkerStatus.STOPPED, WorkerStatus.UNKNOWN,
            WorkerStatus.FAILED);
    private static final Set<WorkerStatus> STOP_FROM = EnumSet.of(WorkerStatus.RUNNING, WorkerStatus.PENDING,
            WorkerStatus.STARTING, WorkerStatus.UNKNOWN, WorkerStatus.FAILED);

    @ParameterizedTest
    @EnumSource(WorkerStatus.class)
    void startIsAllowedFromStoppedUnknownAndFailedOnly(WorkerStatus status) {
        assertThat(LifecycleTransitions.refusal(stateIn(status), LifecycleAction.START).isEmpty())
                .isEqualTo(START_FROM.contains(status));
    }

    @ParameterizedTest
    @EnumSource(WorkerStatus.class)
    void stopIsAllowedWhileRunningOrComingUpAndFromUnknownAndFailed(WorkerStatus status) {
        assertThat(LifecycleTransitions.refusal(stateIn(status), LifecycleAction.STOP).isEmpty())
                .isEqualTo(STOP_FROM.contains(status));
    }

    @ParameterizedTest
    @EnumSource(WorkerStatus.class)
    void terminateIsAllowedFromAnythingButTerminated(WorkerStatus status) {
        assertThat(LifecycleTransitions.refusal(stateIn(status), LifecycleAction.TERMINATE).isEmpty())
                .isEqualTo(status != WorkerStatus.TERMINATED);
    }

    @Test
    void theRefusalNamesTheActionTheStatusAndWhatTheActionNeeds() {
        assertThat(LifecycleTransitions.refusal(stateIn(WorkerStatus.RUNNING), LifecycleAction.START))
                .contains("cannot START a worker that is RUNNING (START needs one of [STOPPED, FAILED, UNKNOWN])");
        assertThat(LifecycleTransitions.refusal(stateIn(WorkerStatus.STOPPED), LifecycleAction.STOP))
                .contains("cannot STOP a worker that is STOPPED"
                        + " (STOP needs one of [PENDING, STARTING, RUNNING, FAILED, UNKNOWN])");
        assertThat(LifecycleTransitions.refusal(stateIn(WorkerStatus.TERMINATED), LifecycleAction.TERMINATE))
                .contains("cannot TERMINATE a worker that is TERMINATED (TERMINATE needs one of [PENDING, STARTING,"
                        + " RUNNING, STOPPING, STOPPED, SHUTTING_DOWN, FAILED, UNKNOWN])");
    }

    @Test
    void aFreshWorkerIsUnknownAndMayBeStartedOrStopped() {
        WorkerState fresh = stateAfter(created());

        assertThat(LifecycleTransitions.refusal(fresh, LifecycleAction.START)).isEmpty();
        assertThat(LifecycleTransitions.refusal(fresh, LifecycleAction.STOP)).isEmpty();
    }

    @Test
    void eachCallerGetsItsOwnCopyOfTheAllowedStatuses() {
        LifecycleTransitions.allowedFrom(LifecycleAction.START).add(WorkerStatus.RUNNING);

        assertThat(LifecycleTransitions.allowedFrom(LifecycleAction.START)).isEqualTo(START_FROM);
    }

    private static WorkerState stateIn(WorkerStatus status) {
        return stateAfter(created(), new StatusChanged(WORKER, WorkerStatus.UNKNOWN, status, null, "test", T0));
    }
}
