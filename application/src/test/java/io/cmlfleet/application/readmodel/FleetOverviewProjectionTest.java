package io.cmlfleet.application.readmodel;

import static io.cmlfleet.application.readmodel.FleetStreams.created;
import static io.cmlfleet.application.readmodel.FleetStreams.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.readmodel.query.FleetCounts;
import io.cmlfleet.application.readmodel.query.FleetOverview;
import io.cmlfleet.application.readmodel.query.GetFleetOverview;
import io.cmlfleet.application.readmodel.query.RegionOverview;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerStatus;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FleetOverviewProjectionTest {

    private ProjectionHarness harness;

    @BeforeEach
    void start() {
        harness = new ProjectionHarness();
        harness.publishAll(FleetStreams.twoWorkersInterleaved());
        // A third worker, in worker-1's region, still pending.
        harness.publish(created("worker-3", "lab-worker-3", "eu-west-1", "i-00000003", 30),
                status("worker-3", WorkerStatus.UNKNOWN, WorkerStatus.PENDING, 40));
        harness.awaitCaughtUp();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void countsTheWholeFleetByStatusAndServiceStatus() {
        FleetOverview overview = overview(GetFleetOverview.allRegions());

        FleetCounts totals = overview.totals();
        assertThat(totals.totalWorkers()).isEqualTo(3);
        assertThat(totals.count(WorkerStatus.RUNNING)).isEqualTo(1);
        assertThat(totals.count(WorkerStatus.PENDING)).isEqualTo(1);
        assertThat(totals.count(WorkerStatus.TERMINATED)).isEqualTo(1);
        assertThat(totals.count(WorkerStatus.STOPPED)).isZero();
        assertThat(totals.count(CmlServiceStatus.AVAILABLE)).isEqualTo(1);
        assertThat(totals.count(CmlServiceStatus.UNAVAILABLE)).isEqualTo(2);
        assertThat(totals.count(CmlServiceStatus.ERROR)).isZero();
        // Every constant is present, zeros included.
        assertThat(totals.byStatus()).containsOnlyKeys(WorkerStatus.values());
        assertThat(totals.byServiceStatus()).containsOnlyKeys(CmlServiceStatus.values());
    }

    @Test
    void countsPerRegionOrderedByRegion() {
        FleetOverview overview = overview(GetFleetOverview.allRegions());

        assertThat(overview.regions()).extracting(RegionOverview::region).containsExactly("eu-west-1", "us-east-1");
        FleetCounts euWest = overview.regions().get(0).counts();
        assertThat(euWest.totalWorkers()).isEqualTo(2);
        assertThat(euWest.count(WorkerStatus.RUNNING)).isEqualTo(1);
        assertThat(euWest.count(WorkerStatus.PENDING)).isEqualTo(1);
        assertThat(euWest.count(CmlServiceStatus.AVAILABLE)).isEqualTo(1);
        FleetCounts usEast = overview.regions().get(1).counts();
        assertThat(usEast.totalWorkers()).isEqualTo(1);
        assertThat(usEast.count(WorkerStatus.TERMINATED)).isEqualTo(1);
        assertThat(usEast.count(CmlServiceStatus.UNAVAILABLE)).isEqualTo(1);
    }

    @Test
    void oneRegionOnly() {
        FleetOverview overview = overview(new GetFleetOverview("us-east-1"));

        assertThat(overview.region()).isEqualTo("us-east-1");
        assertThat(overview.totals().totalWorkers()).isEqualTo(1);
        assertThat(overview.regions()).extracting(RegionOverview::region).containsExactly("us-east-1");
        assertThat(overview(new GetFleetOverview("sa-east-1")).totals().totalWorkers()).isZero();
    }

    private FleetOverview overview(GetFleetOverview query) {
        return harness.query(query, ResponseTypes.instanceOf(FleetOverview.class));
    }
}
