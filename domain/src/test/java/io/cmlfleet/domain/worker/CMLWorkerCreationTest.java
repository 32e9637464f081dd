package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;

import io.cmlfleet.domain.worker.command.ImportWorker;
import io.cmlfleet.domain.worker.command.RegisterWorker;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CMLWorkerCreationTest {

    private AggregateTestFixture<CMLWorker> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void registeringCreatesTheWorkerWithOriginRegistered() {
        fixture.givenNoPriorActivity()
                .when(register())
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void importingCreatesTheWorkerWithOriginImported() {
        fixture.givenNoPriorActivity()
                .when(new ImportWorker(WORKER, "adopted", REGION, "i-1234abcd", "m5.xlarge", "ami-12345678", null,
                        null, "bob"))
                .expectEvents(new WorkerCreated(WORKER, "adopted", REGION, "i-1234abcd", "m5.xlarge", "ami-12345678",
                        null, Map.of(), "bob", WorkerOrigin.IMPORTED, NOW));
    }

    @Test
    void aNameWithSurroundingWhitespaceIsRefusedNotTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWorker(WORKER, "  lab-worker-1 ", REGION, INSTANCE, "c5.2xlarge",
                        "ami-0abcdef1234567890", "CML-2.9.1", Map.of("team", "netops"), "alice"))
                .expectException(InvalidWorkerInputException.class)
                .expectExceptionMessage("Invalid name: must not start or end with whitespace")
                .expectNoEvents();
    }

    @Test
    void registeringTwiceIsRejectedByTheEventStoreNotSilentlyMerged() {
        fixture.given(created())
                .when(register())
                .expectException(Exception.class)
                .expectNoEvents();
    }
}
