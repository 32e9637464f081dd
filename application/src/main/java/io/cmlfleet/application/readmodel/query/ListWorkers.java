package io.cmlfleet.application.readmodel.query;

import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerStatus;

/**
 * One page of worker summaries, ordered by name then worker id (stable: the id is unique), answered with a
 * {@link WorkerPage}. Each filter is optional ({@code null}: any); filters combine with AND.
 *
 * @param status        only workers in this status
 * @param region        only workers in this AWS region
 * @param serviceStatus only workers whose CML service is in this status
 * @param pageNumber    0-based page number
 * @param pageSize      rows per page, 1 to {@value #MAX_PAGE_SIZE}
 */
public record ListWorkers(
        WorkerStatus status,
        String region,
        CmlServiceStatus serviceStatus,
        int pageNumber,
        int pageSize) {

    public static final int MAX_PAGE_SIZE = 500;

    public ListWorkers {
        if (pageNumber < 0) {
            throw new IllegalArgumentException("Invalid pageNumber: must be 0 or more, was " + pageNumber);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "Invalid pageSize: must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }

    /** Every worker, one page. */
    public static ListWorkers all(int pageNumber, int pageSize) {
        return new ListWorkers(null, null, null, pageNumber, pageSize);
    }

    /** Rows to skip to reach this page. */
    public long offset() {
        return (long) pageNumber * pageSize;
    }
}
