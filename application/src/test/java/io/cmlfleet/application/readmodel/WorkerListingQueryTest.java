package io.cmlfleet.application.readmodel;

import static io.cmlfleet.application.readmodel.FleetStreams.created;
import static io.cmlfleet.application.readmodel.FleetStreams.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmlfleet.application.readmodel.query.ListWorkers;
import io.cmlfleet.application.readmodel.query.WorkerPage;
import io.cmlfleet.application.readmodel.query.WorkerSummary;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerListingQueryTest {

    private ProjectionHarness harness;

    /**
     * Seven workers, published out of name order, two of them sharing the name "beta" so that the tie-break on the
     * worker id is visible.
     */
    @BeforeAll
    void start() {
        harness = new ProjectionHarness();
        harness.publish(
                created("w-07", "golf", "eu-west-1", "i-00000007", 7),
                created("w-03", "beta", "eu-west-1", "i-00000003", 3),
                created("w-01", "alpha", "us-east-1", "i-00000001", 1),
                created("w-05", "echo", "us-east-1", "i-00000005", 5),
                created("w-02", "beta", "eu-west-1", "i-00000002", 2),
                created("w-06", "foxtrot", "eu-west-1", "i-00000006", 6),
                created("w-04", "delta", "ap-south-1", "i-00000004", 4),
                status("w-01", WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, 10),
                status("w-02", WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, 10),
                status("w-03", WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, 10),
                status("w-06", WorkerStatus.UNKNOWN, WorkerStatus.STOPPED, 10),
                status("w-07", WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, 10),
                available("w-02"),
                available("w-07"),
                available("w-01"));
        harness.awaitCaughtUp();
    }

    private static ServiceHealthEvaluated available(String workerId) {
        return new ServiceHealthEvaluated(workerId, "https://" + workerId, CmlServiceStatus.UNAVAILABLE,
                CmlServiceStatus.AVAILABLE, true, true, false, null, 30, FleetStreams.at(20));
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void listsEveryWorkerOrderedByNameThenId() {
        WorkerPage page = list(ListWorkers.all(0, 50));

        assertThat(ids(page)).containsExactly("w-01", "w-02", "w-03", "w-04", "w-05", "w-06", "w-07");
        assertThat(page.totalCount()).isEqualTo(7);
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void pagesAreDisjointAndCoverEveryWorkerOnce() {
        WorkerPage first = list(ListWorkers.all(0, 3));
        WorkerPage second = list(ListWorkers.all(1, 3));
        WorkerPage third = list(ListWorkers.all(2, 3));
        WorkerPage beyond = list(ListWorkers.all(3, 3));

        assertThat(ids(first)).containsExactly("w-01", "w-02", "w-03");
        assertThat(ids(second)).containsExactly("w-04", "w-05", "w-06");
        assertThat(ids(third)).containsExactly("w-07");
        assertThat(ids(beyond)).isEmpty();
        assertThat(List.of(first, second, third, beyond)).allSatisfy(page -> {
            assertThat(page.totalCount()).isEqualTo(7);
            assertThat(page.totalPages()).isEqualTo(3);
        });
        assertThat(first.hasNext()).isTrue();
        assertThat(third.hasNext()).isFalse();
    }

    @Test
    void filtersByStatus() {
        WorkerPage running = list(new ListWorkers(WorkerStatus.RUNNING, null, null, 0, 50));

        assertThat(ids(running)).containsExactly("w-01", "w-02", "w-03", "w-07");
        assertThat(running.totalCount()).isEqualTo(4);
    }

    @Test
    void filtersByRegion() {
        assertThat(ids(list(new ListWorkers(null, "us-east-1", null, 0, 50)))).containsExactly("w-01", "w-05");
    }

    @Test
    void filtersByServiceStatus() {
        assertThat(ids(list(new ListWorkers(null, null, CmlServiceStatus.UNAVAILABLE, 0, 50))))
                .containsExactly("w-03", "w-04", "w-05", "w-06");
    }

    @Test
    void combinesFiltersAndPagesTheFilteredRows() {
        ListWorkers query = new ListWorkers(WorkerStatus.RUNNING, "eu-west-1", CmlServiceStatus.AVAILABLE, 1, 1);

        WorkerPage page = list(query);

        assertThat(ids(page)).containsExactly("w-07");
        assertThat(page.totalCount()).isEqualTo(2);
    }

    @Test
    void rejectsInvalidPaging() {
        assertThatThrownBy(() -> ListWorkers.all(-1, 10)).hasMessageStartingWith("Invalid pageNumber");
        assertThatThrownBy(() -> ListWorkers.all(0, 0)).hasMessageStartingWith("Invalid pageSize");
        assertThatThrownBy(() -> ListWorkers.all(0, ListWorkers.MAX_PAGE_SIZE + 1))
                .hasMessageStartingWith("Invalid pageSize");
    }

    private WorkerPage list(ListWorkers query) {
        return harness.query(query, ResponseTypes.instanceOf(WorkerPage.class));
    }

    private static List<String> ids(WorkerPage page) {
        return page.workers().stream().map(WorkerSummary::workerId).toList();
    }
}
