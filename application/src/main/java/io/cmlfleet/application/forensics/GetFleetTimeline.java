package io.cmlfleet.application.forensics;

import java.time.Instant;
import java.util.Set;

/**
 * Query: every worker's events in a window, merged in time order. Answered with {@link FleetTimeline}.
 *
 * @param from  first instant included; {@code null} scans from the start of the store (expensive on a big store)
 * @param to    first instant excluded, or {@code null} for the head of the store
 * @param types type names to keep, {@code null} or empty for all
 * @param limit at most this many entries (capped by {@link ForensicsSettings#fleetTimelineMaxEntries()}); 0 for
 *              the cap
 */
public record GetFleetTimeline(Instant from, Instant to, Set<String> types, int limit) {

    public GetFleetTimeline {
        types = types == null ? Set.of() : Set.copyOf(types);
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }
}
