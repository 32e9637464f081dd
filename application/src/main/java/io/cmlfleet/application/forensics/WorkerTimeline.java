package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.history.TimeWindow;
import java.util.List;
import java.util.Set;

/**
 * The answer to {@link GetWorkerTimeline}: one worker's events in sequence order.
 *
 * @param workerId the worker
 * @param window   the window asked for
 * @param types    the short type names asked for; empty means all
 * @param entries  the matching events
 */
public record WorkerTimeline(String workerId, TimeWindow window, Set<String> types, List<TimelineEntry> entries) {

    public WorkerTimeline {
        types = Set.copyOf(types);
        entries = List.copyOf(entries);
    }
}
