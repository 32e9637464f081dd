package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.hamcrest.Matchers.containsString;

import io.cmlfleet.domain.worker.command.RecordHealthEvaluation;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.StatusChanged;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CMLWorkerHealthTest {

    private static final String ENDPOINT = "https://" + PUBLIC_IP;

    @Test
    void aReachableValidControllerMakesTheServiceAvailable() {
        fixture().given(runningWithAutoEndpoint())
                .when(new RecordHealthEvaluation(WORKER, true, true, true, false, null, 120, T1))
                .expectEvents(new ServiceHealthEvaluated(WORKER, ENDPOINT, CmlServiceStatus.UNAVAILABLE,
                        CmlServiceStatus.AVAILABLE, true, true, false, null, 120, T1));
    }

    @Test
    void aReachableButInvalidControllerIsError() {
        fixture().given(runningAndAvailable())
                .when(new RecordHealthEvaluation(WORKER, true, false, true, true, "system_health valid=false", 80, T2))
                .expectEvents(new ServiceHealthEvaluated(WORKER, ENDPOINT, CmlServiceStatus.AVAILABLE,
                        CmlServiceStatus.ERROR, false, true, true, "system_health valid=false", 80, T2));
    }

    @Test
    void anUnreachableControllerIsUnavailableWithTheReason() {
        fixture().given(runningAndAvailable())
                .when(new RecordHealthEvaluation(WORKER, false, false, null, null, "connect timed out", 5000, T2))
                .expectEvents(new ServiceHealthEvaluated(WORKER, ENDPOINT, CmlServiceStatus.AVAILABLE,
                        CmlServiceStatus.UNAVAILABLE, false, null, null, "connect timed out", 5000, T2));
    }

    @Test
    void aValidControllerWhoseComputeIsNotAdmittedIsErrorWithTheReasonAndTheGateSaysWhy() {
        ControllerReadiness drained = new ControllerReadiness(List.of(new ComputeReadiness("cml-compute-2", "ONLINE",
                ControllerReadinessRuleTest.checks("lld_connected"))), Map.of("core_connected", true), null);
        String reason = "cannot run labs: compute cml-compute-2: admission ONLINE, not READY; lld_connected false";
        fixture().given(runningAndAvailable())
                .when(new RecordHealthEvaluation(WORKER, true, true, true, true, null, 80, T2, drained))
                .expectEvents(new ServiceHealthEvaluated(WORKER, ENDPOINT, CmlServiceStatus.AVAILABLE,
                        CmlServiceStatus.ERROR, true, true, true, reason, 80, T2,
                        List.of("compute cml-compute-2: admission ONLINE, not READY; lld_connected false")));
    }

    @Test
    void theGateOfAnErrorServiceGivesTheLastHealthChecksReason() {
        WorkerState state = new WorkerState();
        for (Object event : runningAndAvailable()) {
            ((io.cmlfleet.domain.worker.event.WorkerEvent) event).foldInto(state);
        }
        new ServiceHealthEvaluated(WORKER, ENDPOINT, CmlServiceStatus.AVAILABLE, CmlServiceStatus.ERROR, true, true,
                true, "cannot run labs: compute c2: admission ONLINE, not READY", 80, T2, List.of("x")).foldInto(state);
        org.assertj.core.api.Assertions.assertThat(state.refreshGate().cmlQuerySkipReason())
                .isEqualTo("CML service is ERROR, not AVAILABLE: cannot run labs: compute c2: admission ONLINE, not READY");
    }

    @Test
    void aControllerThatCanRunLabsAgainIsAvailableWithNoBlockers() {
        ControllerReadiness ready = new ControllerReadiness(List.of(new ComputeReadiness("cml-compute-2", "READY",
                ControllerReadinessRuleTest.checks())), Map.of("core_connected", true), null);
        fixture().given(plus(runningAndAvailable(), new ServiceHealthEvaluated(WORKER, ENDPOINT,
                        CmlServiceStatus.AVAILABLE, CmlServiceStatus.ERROR, true, true, true, "cannot run labs: x", 80,
                        T1, List.of("x"))))
                .when(new RecordHealthEvaluation(WORKER, true, true, true, true, null, 80, T2, ready))
                .expectEvents(new ServiceHealthEvaluated(WORKER, ENDPOINT, CmlServiceStatus.ERROR,
                        CmlServiceStatus.AVAILABLE, true, true, true, null, 80, T2, List.of()));
    }

    @Test
    void theSameOutcomeAgainEmitsNothingEvenWithADifferentLatency() {
        fixture().given(runningAndAvailable())
                .when(new RecordHealthEvaluation(WORKER, true, true, true, true, null, 999, T2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLicenceChangeOnAnAvailableServiceIsRecorded() {
        fixture().given(runningAndAvailable())
                .when(new RecordHealthEvaluation(WORKER, true, true, false, true, null, 40, T2))
                .expectEvents(new ServiceHealthEvaluated(WORKER, ENDPOINT, CmlServiceStatus.AVAILABLE,
                        CmlServiceStatus.AVAILABLE, true, false, true, null, 40, T2));
    }

    @Test
    void anOlderEvaluationThanTheLastRecordedOneIsIgnored() {
        fixture().given(runningAndAvailable())
                .when(new RecordHealthEvaluation(WORKER, false, false, null, null, "refused", 3, T0))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aHealthResultForAWorkerWithoutEndpointIsRejectedWithTheGateReason() {
        fixture().given(created(), new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, "running",
                        "EC2 reported instance state 'running'", T0))
                .when(new RecordHealthEvaluation(WORKER, true, true, true, true, null, 10, T1))
                .expectException(WorkerStateConflictException.class)
                .expectExceptionMessage(containsString("worker has no HTTPS endpoint"))
                .expectNoEvents();
    }

    @Test
    void aHealthResultForAStoppedWorkerIsRejected() {
        fixture().given(created(), new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.STOPPED, "stopped",
                        "EC2 reported instance state 'stopped'", T0))
                .when(new RecordHealthEvaluation(WORKER, true, true, true, true, null, 10, T1))
                .expectException(WorkerStateConflictException.class)
                .expectExceptionMessage(containsString("worker is STOPPED, not RUNNING"))
                .expectNoEvents();
    }
}
