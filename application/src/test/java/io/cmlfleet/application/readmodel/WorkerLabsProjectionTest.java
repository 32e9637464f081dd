package io.cmlfleet.application.readmodel;

import static io.cmlfleet.application.readmodel.FleetStreams.at;
import static io.cmlfleet.application.readmodel.FleetStreams.created;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.readmodel.query.LabView;
import io.cmlfleet.application.readmodel.query.ListWorkerLabs;
import io.cmlfleet.application.readmodel.query.WorkerLabs;
import io.cmlfleet.domain.worker.LabAction;
import io.cmlfleet.domain.worker.LabFacts;
import io.cmlfleet.domain.worker.LabOutcome;
import io.cmlfleet.domain.worker.event.LabActionRecorded;
import io.cmlfleet.domain.worker.event.LabInventoryChanged;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkerLabsProjectionTest {

    private static final LabFacts ALPHA = new LabFacts("lab-a", "Alpha", "admin", "STARTED", 4, 3, at(0));
    private static final LabFacts BETA = new LabFacts("lab-b", "Beta", "bob", "STOPPED", 2, 1, at(0));

    private ProjectionHarness harness;

    @BeforeEach
    void start() {
        harness = new ProjectionHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aListingThenActionsLeaveTheLabsAsCmlDescribedThem() {
        harness.publish(created("worker-1", "one", "eu-west-1", "i-00000001", 0),
                new LabInventoryChanged("worker-1", List.of(ALPHA, BETA), at(60)),
                new LabActionRecorded("worker-1", LabAction.STOP, "lab-a", "Alpha", "alice", "end of class",
                        LabOutcome.SUCCEEDED, new LabFacts("lab-a", "Alpha", "admin", "STOPPED", 4, 3, at(0)), null,
                        null, at(120)),
                new LabActionRecorded("worker-1", LabAction.WIPE, "lab-b", "Beta", "alice", null, LabOutcome.FAILED,
                        null, "REJECTED", "rejected by CML: HTTP 400", at(180)));
        harness.awaitCaughtUp();

        List<LabView> labs = labsOf("worker-1");

        assertThat(labs).extracting(LabView::labId).containsExactly("lab-a", "lab-b");
        assertThat(labs.get(0).state()).isEqualTo("STOPPED");
        assertThat(labs.get(0).lastAction()).isEqualTo("STOP");
        assertThat(labs.get(0).lastActionBy()).isEqualTo("alice");
        assertThat(labs.get(0).lastOutcome()).isEqualTo("SUCCEEDED");
        assertThat(labs.get(1).state()).isEqualTo("STOPPED");
        assertThat(labs.get(1).lastOutcome()).isEqualTo("FAILED");
        assertThat(labs.get(1).lastError()).isEqualTo("REJECTED: rejected by CML: HTTP 400");
        assertThat(labs.get(1).updatedAt()).isEqualTo(at(180));
    }

    @Test
    void aNewListingDropsLabsThatWentAndADeleteRemovesItsLab() {
        harness.publish(created("worker-1", "one", "eu-west-1", "i-00000001", 0),
                created("worker-2", "two", "eu-west-1", "i-00000002", 0),
                new LabInventoryChanged("worker-1", List.of(ALPHA, BETA), at(60)),
                new LabInventoryChanged("worker-2", List.of(ALPHA), at(60)),
                new LabInventoryChanged("worker-1", List.of(BETA), at(120)),
                new LabActionRecorded("worker-2", LabAction.DELETE, "lab-a", "Alpha", "bob", null,
                        LabOutcome.SUCCEEDED, null, null, null, at(180)));
        harness.awaitCaughtUp();

        assertThat(labsOf("worker-1")).extracting(LabView::labId).containsExactly("lab-b");
        assertThat(labsOf("worker-2")).isEmpty();
    }

    private List<LabView> labsOf(String workerId) {
        return harness.query(new ListWorkerLabs(workerId), ResponseTypes.instanceOf(WorkerLabs.class)).labs();
    }
}
