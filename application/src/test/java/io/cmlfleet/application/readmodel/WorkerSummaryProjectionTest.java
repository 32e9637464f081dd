package io.cmlfleet.application.readmodel;

import static io.cmlfleet.application.readmodel.FleetStreams.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.readmodel.query.FindWorkerById;
import io.cmlfleet.application.readmodel.query.FindWorkerByInstanceId;
import io.cmlfleet.application.readmodel.query.LastRefreshError;
import io.cmlfleet.application.readmodel.query.WorkerSummary;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.EndpointSource;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkerSummaryProjectionTest {

    private ProjectionHarness harness;

    @BeforeEach
    void start() {
        harness = new ProjectionHarness();
        harness.publishAll(FleetStreams.twoWorkersInterleaved());
        harness.awaitCaughtUp();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void runningWorkerRowHoldsTheLatestOfEveryFact() {
        WorkerSummary expected = new WorkerSummary("worker-1", "lab-worker-1", "eu-west-1", "i-0123456789abcdef0",
                "c5.2xlarge", WorkerStatus.RUNNING, "running", "54.194.252.215", "10.0.1.17",
                "https://54.194.252.215", EndpointSource.AUTO, CmlServiceStatus.AVAILABLE, null,
                true, true, "2.9.1+build.7", 14, 22,
                // The last sample had CPU 0.0 (a real value) and no memory datapoint.
                0.0, null, at(480),
                at(186), RefreshTrigger.SCHEDULED,
                new LastRefreshError(RefreshStage.CML_LABS, "TIMEOUT", "labs did not answer in 10s", at(185)),
                at(0), null, at(480), false, java.util.List.of());

        assertThat(findById("worker-1")).contains(expected);
    }

    @Test
    void terminatedWorkerHasNoEndpointNoPublicIpAndItsTerminationTime() {
        WorkerSummary summary = findById("worker-2").orElseThrow();

        assertThat(summary.status()).isEqualTo(WorkerStatus.TERMINATED);
        assertThat(summary.ec2State()).isEqualTo("terminated");
        assertThat(summary.terminatedAt()).isEqualTo(at(960));
        assertThat(summary.endpoint()).isNull();
        assertThat(summary.endpointSource()).isNull();
        assertThat(summary.publicIp()).isNull();
        assertThat(summary.privateIp()).isEqualTo("10.0.2.9");
        assertThat(summary.serviceStatus()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
        // The ERROR health check reported no licence flags: they stay unknown.
        assertThat(summary.licensed()).isNull();
        assertThat(summary.lastError()).isNull();
        assertThat(summary.lastRefreshCompletedAt()).isNull();
        assertThat(summary.updatedAt()).isEqualTo(at(960));
    }

    @Test
    void findsAWorkerByItsInstanceId() {
        Optional<WorkerSummary> found = harness.query(new FindWorkerByInstanceId("i-0fedcba9876543210"),
                ResponseTypes.optionalInstanceOf(WorkerSummary.class));

        assertThat(found).map(WorkerSummary::workerId).contains("worker-2");
    }

    @Test
    void unknownWorkerOrInstanceIsEmpty() {
        assertThat(findById("worker-404")).isEmpty();
        assertThat(harness.query(new FindWorkerByInstanceId("i-00000000"),
                ResponseTypes.optionalInstanceOf(WorkerSummary.class))).isEmpty();
    }

    private Optional<WorkerSummary> findById(String workerId) {
        return harness.query(new FindWorkerById(workerId), ResponseTypes.optionalInstanceOf(WorkerSummary.class));
    }
}
