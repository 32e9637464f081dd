package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.hamcrest.Matchers.containsString;

import io.cmlfleet.domain.worker.command.PrepareLabAction;
import io.cmlfleet.domain.worker.command.RecordLabAction;
import io.cmlfleet.domain.worker.command.RecordLabInventory;
import io.cmlfleet.domain.worker.event.LabActionRecorded;
import io.cmlfleet.domain.worker.event.LabInventoryChanged;
import java.util.List;
import org.junit.jupiter.api.Test;

class CMLWorkerLabsTest {

    static final String LAB = "6db4c3fb-e5a4-4b9d-9610-bf9353dc137b";
    static final LabFacts STARTED = new LabFacts(LAB, "CCIE", "admin", LabFacts.STARTED, 5, 4, T0);
    static final LabFacts STOPPED = new LabFacts(LAB, "CCIE", "admin", LabFacts.STOPPED, 5, 4, T0);

    @Test
    void preparingAnActionOnAnAvailableWorkerAnswersItsEndpointAndAppendsNothing() {
        fixture().given(runningAndAvailable())
                .when(new PrepareLabAction(WORKER, LabAction.STOP, LAB, null, "alice", "end of class"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new LabActionTarget(WORKER, "https://" + PUBLIC_IP))
                .expectNoEvents();
    }

    @Test
    void aWorkerWhoseCmlIsNotAvailableTakesNoLabAction() {
        fixture().given(runningWithAutoEndpoint())
                .when(new PrepareLabAction(WORKER, LabAction.START, LAB, null, "alice", null))
                .expectException(WorkerStateConflictException.class)
                .expectExceptionMessage(containsString("cannot START a lab: CML service is UNAVAILABLE"))
                .expectNoEvents();
    }

    @Test
    void wipingALabKnownToBeStartedIsRefusedBeforeCmlIsCalled() {
        fixture().given(plus(runningAndAvailable(), new LabInventoryChanged(WORKER, List.of(STARTED), T2)))
                .when(new PrepareLabAction(WORKER, LabAction.WIPE, LAB, null, "alice", null))
                .expectException(WorkerStateConflictException.class)
                .expectExceptionMessage(containsString("CML wipes a lab only when it is stopped"));
    }

    @Test
    void malformedLabIdsAndTitlesAreRefusedNamingTheField() {
        fixture().given(runningAndAvailable())
                .when(new PrepareLabAction(WORKER, LabAction.START, "../labs", null, "alice", null))
                .expectException(InvalidWorkerInputException.class)
                .expectExceptionMessage(containsString("Invalid labId:"));
        fixture().given(runningAndAvailable())
                .when(new PrepareLabAction(WORKER, LabAction.IMPORT, LAB, "t", "alice", null))
                .expectExceptionMessage(containsString("Invalid labId: must be absent for IMPORT"));
        fixture().given(runningAndAvailable())
                .when(new PrepareLabAction(WORKER, LabAction.IMPORT, null, "evil\u202Etitle", "alice", null))
                .expectExceptionMessage(containsString("Invalid title: must not contain control or format"));
    }

    @Test
    void aSuccessfulStopIsRecordedWithWhoAskedAndTheLabAfterwards() {
        fixture().given(runningAndAvailable())
                .when(new RecordLabAction(WORKER, LabAction.STOP, LAB, "CCIE", "alice", "end of class",
                        LabOutcome.SUCCEEDED, STOPPED, null, null, T2))
                .expectEvents(new LabActionRecorded(WORKER, LabAction.STOP, LAB, "CCIE", "alice", "end of class",
                        LabOutcome.SUCCEEDED, STOPPED, null, null, T2));
    }

    @Test
    void aFailureNeedsItsErrorCodeAndMessage() {
        fixture().given(runningAndAvailable())
                .when(new RecordLabAction(WORKER, LabAction.WIPE, LAB, null, "alice", null, LabOutcome.FAILED,
                        null, "REJECTED", null, T2))
                .expectException(InvalidWorkerInputException.class)
                .expectExceptionMessage(containsString("Invalid message:"));
    }

    @Test
    void aFailedImportHasNoLabId() {
        fixture().given(runningAndAvailable())
                .when(new RecordLabAction(WORKER, LabAction.IMPORT, null, "new lab", "alice", null,
                        LabOutcome.FAILED, null, "REJECTED", "HTTP 400 bad topology", T2))
                .expectEvents(new LabActionRecorded(WORKER, LabAction.IMPORT, null, "new lab", "alice", null,
                        LabOutcome.FAILED, null, "REJECTED", "HTTP 400 bad topology", T2));
    }

    @Test
    void aListingIsRecordedOnlyWhenItIsNewerAndDiffers() {
        fixture().given(runningAndAvailable())
                .when(new RecordLabInventory(WORKER, List.of(STARTED), T2))
                .expectEvents(new LabInventoryChanged(WORKER, List.of(STARTED), T2));
        fixture().given(plus(runningAndAvailable(), new LabInventoryChanged(WORKER, List.of(STARTED), T1)))
                .when(new RecordLabInventory(WORKER, List.of(STARTED), T2))
                .expectNoEvents();
        fixture().given(plus(runningAndAvailable(), new LabInventoryChanged(WORKER, List.of(STARTED), T2)))
                .when(new RecordLabInventory(WORKER, List.of(STOPPED), T1))
                .expectNoEvents();
    }

    @Test
    void aDeleteRemovesTheLabFromWhatTheWorkerKnows() {
        WorkerState state = stateAfter(plus(runningAndAvailable(),
                new LabInventoryChanged(WORKER, List.of(STARTED), T1),
                new LabActionRecorded(WORKER, LabAction.DELETE, LAB, "CCIE", "bob", null, LabOutcome.SUCCEEDED,
                        null, null, null, T2)));
        org.assertj.core.api.Assertions.assertThat(state.labs().lab(LAB)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(WorkerSnapshot.of(state).toState().labs().listedAt()).isEqualTo(T1);
    }
}
