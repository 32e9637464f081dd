package io.cmlfleet.application.forensics;

/**
 * Which part of a worker's timeline to answer: at most {@code limit} entries, after the entry with sequence number
 * {@code after} (the previous page's {@code next}). Paging is by sequence number, which a worker's history never
 * reorders or reuses, so pages neither skip nor repeat an event while new ones are appended.
 *
 * @param after the sequence number of the last entry already seen, or {@code null} for the first page
 * @param limit the most entries in one answer, 1 to {@value #MAX_LIMIT}
 */
public record TimelinePage(Long after, int limit) {

    /** Entries in one answer when the caller names no limit. */
    public static final int DEFAULT_LIMIT = 1_000;
    /** The most entries one answer may hold, whatever the caller asks. */
    public static final int MAX_LIMIT = 10_000;

    public TimelinePage {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (after != null && after < 0) {
            throw new IllegalArgumentException("after must be a sequence number (0 or more), was " + after);
        }
    }

    /** The first page of the default size. */
    public static TimelinePage first() {
        return new TimelinePage(null, DEFAULT_LIMIT);
    }

    /** From optional inputs: {@code null} picks the first page and the default limit. */
    public static TimelinePage of(Long after, Integer limit) {
        return new TimelinePage(after, limit == null ? DEFAULT_LIMIT : limit);
    }

    long firstSequence() {
        return after == null ? 0 : after + 1;
    }
}
