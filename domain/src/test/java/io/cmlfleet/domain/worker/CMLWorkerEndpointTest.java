package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;

import io.cmlfleet.domain.worker.command.ClearEndpoint;
import io.cmlfleet.domain.worker.command.SetEndpointManually;
import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import org.junit.jupiter.api.Test;

class CMLWorkerEndpointTest {

    @Test
    void anOperatorSetsAManualEndpointNormalisedWithoutTrailingSlash() {
        fixture().given(created())
                .when(new SetEndpointManually(WORKER, "https://cml.lab.example.com/", "ops"))
                .expectEvents(new EndpointPopulated(WORKER, "https://cml.lab.example.com", null,
                        EndpointSource.MANUAL, "ops", NOW));
    }

    @Test
    void replacingAnEndpointMarksTheServiceUnavailableUntilTheNextHealthCheck() {
        fixture().given(runningAndAvailable())
                .when(new SetEndpointManually(WORKER, "https://cml.lab.example.com:8443", "ops"))
                .expectEvents(
                        new EndpointPopulated(WORKER, "https://cml.lab.example.com:8443", PUBLIC_IP,
                                EndpointSource.MANUAL, "ops", NOW),
                        new ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE,
                                "endpoint changed to https://cml.lab.example.com:8443 by ops", NOW));
    }

    @Test
    void takingOverTheAutomaticEndpointAsManualKeepsTheServiceStatus() {
        fixture().given(runningAndAvailable())
                .when(new SetEndpointManually(WORKER, "https://" + PUBLIC_IP, "ops"))
                .expectEvents(new EndpointPopulated(WORKER, "https://" + PUBLIC_IP, PUBLIC_IP, EndpointSource.MANUAL,
                        "ops", NOW));
    }

    @Test
    void settingTheSameManualEndpointAgainChangesNothing() {
        fixture().given(created(), new EndpointPopulated(WORKER, "https://cml.lab.example.com", null,
                        EndpointSource.MANUAL, "ops", T0))
                .when(new SetEndpointManually(WORKER, "https://cml.lab.example.com", "someone-else"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void clearingTheEndpointRecordsWhoAndWhyAndMarksTheServiceUnavailable() {
        fixture().given(runningAndAvailable())
                .when(new ClearEndpoint(WORKER, "ops", "wrong address"))
                .expectEvents(
                        new EndpointCleared(WORKER, "https://" + PUBLIC_IP, EndpointSource.AUTO,
                                "cleared by ops: wrong address", NOW),
                        new ServiceMarkedUnavailable(WORKER, CmlServiceStatus.AVAILABLE,
                                "endpoint cleared by ops: wrong address", NOW));
    }

    @Test
    void clearingWhenThereIsNoEndpointChangesNothing() {
        fixture().given(created())
                .when(new ClearEndpoint(WORKER, "ops", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
