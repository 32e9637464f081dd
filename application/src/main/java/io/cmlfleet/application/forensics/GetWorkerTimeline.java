package io.cmlfleet.application.forensics;

import java.time.Instant;
import java.util.Set;

/**
 * Query: one page of one worker's timeline from the event store. Answered with {@link WorkerTimeline}.
 *
 * @param workerId the worker
 * @param from     first instant included, or {@code null} for the beginning
 * @param to       first instant excluded, or {@code null} for now
 * @param types    short ({@code StatusChanged}) or stored ({@code cmlfleet.worker.StatusChanged}) type names;
 *                 {@code null} or empty for all
 * @param page     which entries; {@code null} for the first {@value TimelinePage#DEFAULT_LIMIT}
 */
public record GetWorkerTimeline(String workerId, Instant from, Instant to, Set<String> types, TimelinePage page) {

    public GetWorkerTimeline {
        types = types == null ? Set.of() : Set.copyOf(types);
        page = page == null ? TimelinePage.first() : page;
    }

    /** The first page of the default size. */
    public GetWorkerTimeline(String workerId, Instant from, Instant to, Set<String> types) {
        this(workerId, from, to, types, null);
    }
}
