package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.history.TimeWindow;
import java.util.List;
import java.util.Set;

/**
 * The answer to {@link GetFleetTimeline}: every worker's events in the window, merged in time order.
 *
 * @param window        the window asked for
 * @param types         the short type names asked for; empty means all
 * @param entries       the matching events, ordered by time (then worker and sequence)
 * @param truncated     whether the limit cut the scan short: there are more events in the window
 * @param eventsScanned how many events of the global stream were read to answer (cost, for the operator)
 */
public record FleetTimeline(TimeWindow window, Set<String> types, List<TimelineEntry> entries, boolean truncated,
                            long eventsScanned) {

    public FleetTimeline {
        types = Set.copyOf(types);
        entries = List.copyOf(entries);
    }
}
