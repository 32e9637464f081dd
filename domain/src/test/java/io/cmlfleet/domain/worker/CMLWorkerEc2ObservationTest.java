package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;

import io.cmlfleet.domain.worker.command.RecordEc2Observation;
import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.InstanceStatusChecksChanged;
import io.cmlfleet.domain.worker.event.NetworkAddressesChanged;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import org.junit.jupiter.api.Test;

class CMLWorkerEc2ObservationTest {

    @Test
    void aPendingInstanceChangesStatusAndRecordsItsPrivateIp() {
        fixture().given(created())
                .when(observe("pending", null, T1))
                .expectEvents(
                        new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.PENDING, "pending",
                                "EC2 reported instance state 'pending'", T1),
                        new NetworkAddressesChanged(WORKER, null, null, null, PRIVATE_IP, T1));
    }

    @Test
    void runningWithAPublicIpAndNoEndpointAutoPopulatesHttpsEndpoint() {
        fixture().given(created())
                .when(observe("running", PUBLIC_IP, T1))
                .expectEvents(
                        new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, "running",
                                "EC2 reported instance state 'running'", T1),
                        new NetworkAddressesChanged(WORKER, null, PUBLIC_IP, null, PRIVATE_IP, T1),
                        new EndpointPopulated(WORKER, "https://" + PUBLIC_IP, PUBLIC_IP, EndpointSource.AUTO,
                                "auto-population", T1));
    }

    @Test
    void runningWithoutAPublicIpGetsNoEndpoint() {
        fixture().given(created())
                .when(observe("running", null, T1))
                .expectEvents(
                        new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, "running",
                                "EC2 reported instance state 'running'", T1),
                        new NetworkAddressesChanged(WORKER, null, null, null, PRIVATE_IP, T1));
    }

    @Test
    void theStateCodeWinsOverAnUnknownName() {
        fixture().given(created())
                .when(new RecordEc2Observation(WORKER, "Running-ish", 16 + 256, null, null, null, null, T1))
                .expectEvents(new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, "Running-ish",
                        "EC2 reported instance state 'Running-ish'", T1));
    }

    @Test
    void anObservationThatChangesNothingEmitsNothing() {
        fixture().given(runningWithAutoEndpoint())
                .when(observe("running", PUBLIC_IP, T2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRedeliveredObservationIsHarmless() {
        fixture().given(runningWithAutoEndpoint())
                .when(observe("stopped", null, T0))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOutOfOrderOlderObservationIsIgnored() {
        fixture().given(runningWithAutoEndpoint())
                .when(observe("pending", null, T0.minusSeconds(30)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void leavingRunningClearsTheAutomaticEndpointAndMarksTheServiceUnavailable() {
        fixture().given(runningAndAvailable())
                .when(observe("stopping", null, T2))
                .expectEvents(
                        new StatusChanged(WORKER, WorkerStatus.RUNNING, WorkerStatus.STOPPING, "stopping",
                                "EC2 reported instance state 'stopping'", T2),
                        new NetworkAddressesChanged(WORKER, PUBLIC_IP, null, PRIVATE_IP, PRIVATE_IP, T2),
                        new EndpointCleared(WORKER, "https://" + PUBLIC_IP, EndpointSource.AUTO,
                                "worker left RUNNING (now STOPPING)", T2),
                        new ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE,
                                "worker left RUNNING (now STOPPING)", T2));
    }

    @Test
    void leavingRunningKeepsAManualEndpointButStillMarksTheServiceUnavailable() {
        fixture().given(runningAndAvailable())
                .andGiven(new EndpointPopulated(WORKER, "https://cml.lab.example.com", PUBLIC_IP,
                        EndpointSource.MANUAL, "ops", T1))
                .when(new RecordEc2Observation(WORKER, "stopped", 80, PUBLIC_IP, PRIVATE_IP, null, null, T2))
                .expectEvents(
                        new StatusChanged(WORKER, WorkerStatus.RUNNING, WorkerStatus.STOPPED, "stopped",
                                "EC2 reported instance state 'stopped'", T2),
                        new ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE,
                                "worker left RUNNING (now STOPPED)", T2));
    }

    @Test
    void aManualEndpointIsNeverOverwrittenByAutoPopulation() {
        fixture().given(created(),
                        new EndpointPopulated(WORKER, "https://cml.lab.example.com", null, EndpointSource.MANUAL,
                                "ops", T0))
                .when(observe("running", PUBLIC_IP, T1))
                .expectEvents(
                        new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, "running",
                                "EC2 reported instance state 'running'", T1),
                        new NetworkAddressesChanged(WORKER, null, PUBLIC_IP, null, PRIVATE_IP, T1));
    }

    @Test
    void anAutomaticEndpointFollowsAChangedPublicIp() {
        fixture().given(runningAndAvailable())
                .when(observe("running", "3.120.0.9", T2))
                .expectEvents(
                        new NetworkAddressesChanged(WORKER, PUBLIC_IP, "3.120.0.9", PRIVATE_IP, PRIVATE_IP, T2),
                        new EndpointPopulated(WORKER, "https://3.120.0.9", "3.120.0.9", EndpointSource.AUTO,
                                "auto-population", T2),
                        new ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE,
                                "public IP changed to 3.120.0.9", T2));
    }

    @Test
    void anAutomaticEndpointGoesWhenThePublicIpIsReleasedWhileRunning() {
        fixture().given(runningAndAvailable())
                .when(observe("running", null, T2))
                .expectEvents(
                        new NetworkAddressesChanged(WORKER, PUBLIC_IP, null, PRIVATE_IP, PRIVATE_IP, T2),
                        new EndpointCleared(WORKER, "https://" + PUBLIC_IP, EndpointSource.AUTO, "public IP released",
                                T2),
                        new ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE, "public IP released", T2));
    }

    @Test
    void anIpv6PublicAddressIsBracketedInTheEndpoint() {
        fixture().given(created())
                .when(new RecordEc2Observation(WORKER, "running", 16, "2600:1f18::1", null, null, null, T1))
                .expectEvents(
                        new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, "running",
                                "EC2 reported instance state 'running'", T1),
                        new NetworkAddressesChanged(WORKER, null, "2600:1f18::1", null, null, T1),
                        new EndpointPopulated(WORKER, "https://[2600:1f18::1]", "2600:1f18::1", EndpointSource.AUTO,
                                "auto-population", T1));
    }

    @Test
    void statusChecksAreRecordedWhenTheyChangeAndMissingChecksAreNotAChange() {
        fixture().given(runningWithAutoEndpoint())
                .andGiven(new InstanceStatusChecksChanged(WORKER, "initializing", "initializing", T0))
                .when(new RecordEc2Observation(WORKER, "running", 16, PUBLIC_IP, PRIVATE_IP, "ok", null, T2))
                .expectEvents(new InstanceStatusChecksChanged(WORKER, "ok", "initializing", T2));
    }

    @Test
    void terminationObservedFromEc2EndsTheWorker() {
        fixture().given(runningWithAutoEndpoint())
                .when(new RecordEc2Observation(WORKER, "terminated", 48, null, null, null, null, T2))
                .expectEvents(
                        new StatusChanged(WORKER, WorkerStatus.RUNNING, WorkerStatus.TERMINATED, "terminated",
                                "EC2 reported instance state 'terminated'", T2),
                        new NetworkAddressesChanged(WORKER, PUBLIC_IP, null, PRIVATE_IP, null, T2),
                        new EndpointCleared(WORKER, "https://" + PUBLIC_IP, EndpointSource.AUTO,
                                "worker left RUNNING (now TERMINATED)", T2),
                        new WorkerTerminated(WORKER, "EC2 reported the instance terminated", T2));
    }
}
