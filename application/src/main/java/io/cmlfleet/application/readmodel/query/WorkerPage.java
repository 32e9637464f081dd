package io.cmlfleet.application.readmodel.query;

import java.util.List;

/**
 * A page of {@link ListWorkers}.
 *
 * @param workers     the rows of this page, in the query's order
 * @param pageNumber  0-based page number asked for
 * @param pageSize    page size asked for
 * @param totalCount  workers matching the filters over all pages
 */
public record WorkerPage(List<WorkerSummary> workers, int pageNumber, int pageSize, long totalCount) {

    public WorkerPage {
        workers = List.copyOf(workers);
    }

    /** Number of pages for the total count (0 when nothing matches). */
    public long totalPages() {
        return (totalCount + pageSize - 1) / pageSize;
    }

    public boolean hasNext() {
        return (long) (pageNumber + 1) * pageSize < totalCount;
    }
}
