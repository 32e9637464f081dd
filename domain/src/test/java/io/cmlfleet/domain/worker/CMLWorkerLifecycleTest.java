package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.cmlfleet.domain.worker.command.ClearEndpoint;
import io.cmlfleet.domain.worker.command.MarkTerminated;
import io.cmlfleet.domain.worker.command.RecordCmlStats;
import io.cmlfleet.domain.worker.command.RecordEc2Observation;
import io.cmlfleet.domain.worker.command.RecordHealthEvaluation;
import io.cmlfleet.domain.worker.command.RecordRefreshFailure;
import io.cmlfleet.domain.worker.command.RecordTelemetry;
import io.cmlfleet.domain.worker.command.RequestLifecycleAction;
import io.cmlfleet.domain.worker.command.SetEndpointManually;
import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CMLWorkerLifecycleTest {

    @Test
    void stoppingARunningWorkerRecordsWhoAskedAndWhy() {
        fixture().given(runningAndAvailable())
                .when(new RequestLifecycleAction(WORKER, LifecycleAction.STOP, "alice", "end of training"))
                .expectEvents(new LifecycleActionRequested(WORKER, LifecycleAction.STOP, "alice", "end of training",
                        NOW));
    }

    @Test
    void startingARunningWorkerIsRejected() {
        fixture().given(runningAndAvailable())
                .when(new RequestLifecycleAction(WORKER, LifecycleAction.START, "alice", null))
                .expectException(WorkerStateConflictException.class)
                .expectExceptionMessage(containsString("cannot START a worker that is RUNNING"))
                .expectNoEvents();
    }

    @Test
    void startingAStoppedWorkerIsAccepted() {
        fixture().given(created(), new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.STOPPED, "stopped",
                        "EC2 reported instance state 'stopped'", T0))
                .when(new RequestLifecycleAction(WORKER, LifecycleAction.START, "bob", null))
                .expectEvents(new LifecycleActionRequested(WORKER, LifecycleAction.START, "bob", null, NOW));
    }

    @Test
    void markingARunningWorkerTerminatedLeavesRunningCleanly() {
        fixture().given(runningAndAvailable())
                .when(new MarkTerminated(WORKER, "instance deleted outside cmlfleet", T2))
                .expectEvents(
                        new StatusChanged(WORKER, WorkerStatus.RUNNING, WorkerStatus.TERMINATED, null,
                                "instance deleted outside cmlfleet", T2),
                        new EndpointCleared(WORKER, "https://" + PUBLIC_IP, EndpointSource.AUTO,
                                "worker left RUNNING (now TERMINATED)", T2),
                        new ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE,
                                "worker left RUNNING (now TERMINATED)", T2),
                        new WorkerTerminated(WORKER, "instance deleted outside cmlfleet", T2));
    }

    static Stream<Object> everyCommand() {
        return Stream.of(
                new RecordEc2Observation(WORKER, "running", 16, PUBLIC_IP, null, null, null, NOW),
                new SetEndpointManually(WORKER, "https://cml.example.com", "ops"),
                new ClearEndpoint(WORKER, "ops", null),
                new RecordHealthEvaluation(WORKER, true, true, true, true, null, 10, NOW),
                new RecordCmlStats(WORKER, new CmlFacts("2.9.1", true, true, true, null, null, 1, 1, 1, 1, 1L, 1L),
                        NOW),
                new RecordTelemetry(WORKER, 1.0, 2.0, NOW, 300, null, null),
                new RecordRefreshFailure(WORKER, RefreshStage.HEALTH_CHECK, "TIMEOUT", "timed out", NOW),
                new RequestLifecycleAction(WORKER, LifecycleAction.TERMINATE, "ops", null),
                new MarkTerminated(WORKER, "again", NOW),
                new io.cmlfleet.domain.worker.command.RecordRefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, NOW,
                        NOW, java.util.List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void everyCommandOnATerminatedWorkerIsRejectedClearly(Object command) {
        fixture().given(created(), new WorkerTerminated(WORKER, "EC2 reported the instance terminated", T1))
                .when(command)
                .expectException(WorkerStateConflictException.class)
                .expectExceptionMessage(allOf(containsString("Worker " + WORKER), containsString("is TERMINATED"),
                        containsString(command.getClass().getSimpleName() + " rejected")))
                .expectNoEvents();
    }
}
