package io.cmlfleet.bootstrap.api;

import io.cmlfleet.application.readmodel.query.WorkerPage;
import io.cmlfleet.application.readmodel.query.WorkerSummary;
import java.util.List;

/** One page of {@code GET /api/v1/workers}, with the paging facts a client needs to ask for the next one. */
public record WorkerPageResponse(List<WorkerSummary> workers, int page, int size, long totalCount, long totalPages,
                                 boolean hasNext) {

    public static WorkerPageResponse of(WorkerPage page) {
        return new WorkerPageResponse(page.workers(), page.pageNumber(), page.pageSize(), page.totalCount(),
                page.totalPages(), page.hasNext());
    }
}
