package io.cmlfleet.simulator;

import static io.cmlfleet.simulator.FleetFixture.quietProfile;
import static io.cmlfleet.simulator.FleetFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cmlfleet.adapters.cml.HttpCmlLabOperations;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlLabImport;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.LabFacts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real lab operations over HTTPS against the simulated controllers' lab state machine. */
class CmlLabsAgainstSimulatorTest {

    private static FleetFixture fleet() {
        return new FleetFixture(quietProfile().instances(1).labsPercent(100).initialAge(Duration.ofHours(1)).build());
    }

    @Test
    void labsAreListedWithTheirDetails() {
        try (FleetFixture fixture = fleet()) {
            SimulatedWorker worker = fixture.worker(0);
            List<LabFacts> labs = new HttpCmlLabOperations(fixture.cml()).labDetails(target(worker));

            assertThat(labs).hasSize(worker.traits().labNodeCounts().size()).isNotEmpty();
            assertThat(labs.get(0).title()).isEqualTo("Simulated lab 1");
            assertThat(labs.get(0).owner()).isEqualTo("admin");
            assertThat(labs.get(0).nodeCount()).isEqualTo(worker.traits().labNodeCounts().get(0));
            assertThat(labs.get(0).createdAt()).isNotNull();
            assertThat(labs).extracting(LabFacts::state).isSubsetOf("STARTED", "STOPPED");
        }
    }

    @Test
    void aLabGoesThroughStopWipeStartAndDelete() {
        try (FleetFixture fixture = fleet()) {
            CmlTarget target = target(fixture.worker(0));
            HttpCmlLabOperations labs = new HttpCmlLabOperations(fixture.cml());
            String id = labs.labDetails(target).get(0).labId();

            labs.startLab(target, id);
            CmlAccessException wipeWhileStarted = catchThrowableOfType(() -> labs.wipeLab(target, id),
                    CmlAccessException.class);
            labs.stopLab(target, id);
            String stopped = labs.lab(target, id).state();
            labs.wipeLab(target, id);
            String wiped = labs.lab(target, id).state();
            labs.deleteLab(target, id);
            CmlAccessException gone = catchThrowableOfType(() -> labs.lab(target, id), CmlAccessException.class);

            assertThat(wipeWhileStarted.kind()).isEqualTo(CmlAccessException.Kind.REJECTED);
            assertThat(wipeWhileStarted.getMessage()).contains("HTTP 400").contains("stop it before wiping it");
            assertThat(stopped).isEqualTo("STOPPED");
            assertThat(wiped).isEqualTo("DEFINED_ON_CORE");
            assertThat(gone.kind()).isEqualTo(CmlAccessException.Kind.REJECTED);
            assertThat(gone.getMessage()).contains("HTTP 404");
            assertThat(fixture.fleet.requests().count("cml:PUT /labs/{id}/wipe")).isEqualTo(2);
        }
    }

    @Test
    void anImportedTopologyCanBeDownloadedAgain() {
        try (FleetFixture fixture = fleet()) {
            CmlTarget target = target(fixture.worker(0));
            HttpCmlLabOperations labs = new HttpCmlLabOperations(fixture.cml());
            String topology = "lab:\n  title: imported\nnodes:\n  - id: n0\n    node_definition: iosv\n"
                    + "  - id: n1\n    node_definition: iosv\nlinks: []\n";

            CmlLabImport imported = labs.importTopology(target, "BGP & OSPF", topology);
            LabFacts lab = labs.lab(target, imported.labId());
            CmlAccessException empty = catchThrowableOfType(() -> labs.importTopology(target, "x", "nothing"),
                    CmlAccessException.class);

            assertThat(lab.title()).isEqualTo("BGP & OSPF");
            assertThat(lab.state()).isEqualTo("DEFINED_ON_CORE");
            assertThat(lab.nodeCount()).isEqualTo(2);
            assertThat(labs.downloadTopology(target, imported.labId())).isEqualTo(topology);
            assertThat(empty.kind()).isEqualTo(CmlAccessException.Kind.REJECTED);
            assertThat(empty.getMessage()).contains("no nodes section");
        }
    }
}
