package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.hamcrest.Matchers.containsString;

import io.cmlfleet.domain.worker.command.RecordEc2Observation;
import io.cmlfleet.domain.worker.command.RecordHealthEvaluation;
import io.cmlfleet.domain.worker.command.RecordRefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every refresh leaves a record, and recording commands answer with the gate on the resulting state. */
class CMLWorkerRefreshRecordTest {

    private static final List<RefreshStageOutcome> STAGES = List.of(
            RefreshStageOutcome.ran(RefreshStage.EC2_OBSERVATION),
            RefreshStageOutcome.skipped(RefreshStage.HEALTH_CHECK, "worker has no HTTPS endpoint"));

    @Test
    void aCompletedRefreshIsRecordedWithItsStages() {
        fixture().given(created())
                .when(new RecordRefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T1, T1.plusMillis(900), STAGES))
                .expectEvents(new RefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T1, T1.plusMillis(900),
                        STAGES));
    }

    @Test
    void aRefreshThatEndsBeforeItStartedIsRejected() {
        fixture().given(created())
                .when(new RecordRefreshCompleted(WORKER, RefreshTrigger.ON_DEMAND, T1, T0, STAGES))
                .expectException(InvalidWorkerInputException.class)
                .expectExceptionMessage(containsString("Invalid completedAt:"))
                .expectNoEvents();
    }

    @Test
    void theSameRefreshRecordDeliveredTwiceIsRecordedOnce() {
        fixture().given(created(), new RefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T1, T2, STAGES))
                .when(new RecordRefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T1, T2, STAGES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEc2ObservationAnswersWithTheGateOnTheNewState() {
        fixture().given(created())
                .when(observe("running", PUBLIC_IP, T1))
                .expectResultMessagePayload(new Ec2ObservationResult(null, RefreshGate.decide(WorkerStatus.RUNNING,
                        "https://" + PUBLIC_IP, CmlServiceStatus.UNAVAILABLE)));
    }

    @Test
    void aNoOpObservationStillAnswersWithTheCurrentGate() {
        fixture().given(runningAndAvailable())
                .when(new RecordEc2Observation(WORKER, "running", 16, PUBLIC_IP, PRIVATE_IP, null, null, T2))
                .expectNoEvents()
                .expectResultMessagePayload(new Ec2ObservationResult("https://" + PUBLIC_IP,
                        RefreshGate.decide(WorkerStatus.RUNNING, "https://" + PUBLIC_IP, CmlServiceStatus.AVAILABLE)));
    }

    @Test
    void aHealthEvaluationAnswersWithTheGateThatNowAllowsTheCmlQuery() {
        fixture().given(runningWithAutoEndpoint())
                .when(new RecordHealthEvaluation(WORKER, true, true, true, true, null, 30, T1))
                .expectResultMessagePayload(RefreshGate.decide(WorkerStatus.RUNNING, "https://" + PUBLIC_IP,
                        CmlServiceStatus.AVAILABLE));
    }
}
