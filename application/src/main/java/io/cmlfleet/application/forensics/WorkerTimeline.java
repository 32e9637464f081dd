package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.history.TimeWindow;
import java.util.List;
import java.util.Set;

/**
 * The answer to {@link GetWorkerTimeline}: one page of a worker's events in sequence order.
 *
 * @param workerId      the worker
 * @param window        the window asked for
 * @param types         the short type names asked for; empty means all
 * @param entries       the matching events of this page
 * @param next          the {@code after} of the next page, or {@code null} when this page holds the last match
 * @param historyEvents how many events the worker's whole history holds (all types, all times)
 */
public record WorkerTimeline(String workerId, TimeWindow window, Set<String> types, List<TimelineEntry> entries,
                             Long next, long historyEvents) {

    public WorkerTimeline {
        types = Set.copyOf(types);
        entries = List.copyOf(entries);
    }

    /** A complete timeline: every match in one answer. */
    public WorkerTimeline(String workerId, TimeWindow window, Set<String> types, List<TimelineEntry> entries) {
        this(workerId, window, types, entries, null, entries.size());
    }
}
