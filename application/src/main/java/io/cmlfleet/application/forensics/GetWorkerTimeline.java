package io.cmlfleet.application.forensics;

import java.time.Instant;
import java.util.Set;

/**
 * Query: one worker's timeline from the event store. Answered with {@link WorkerTimeline}.
 *
 * @param workerId the worker
 * @param from     first instant included, or {@code null} for the beginning
 * @param to       first instant excluded, or {@code null} for now
 * @param types    short ({@code StatusChanged}) or stored ({@code cmlfleet.worker.StatusChanged}) type names;
 *                 {@code null} or empty for all
 */
public record GetWorkerTimeline(String workerId, Instant from, Instant to, Set<String> types) {

    public GetWorkerTimeline {
        types = types == null ? Set.of() : Set.copyOf(types);
    }
}
