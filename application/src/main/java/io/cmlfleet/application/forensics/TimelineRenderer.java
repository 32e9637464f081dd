package io.cmlfleet.application.forensics;

import java.util.List;

/** Turns forensics results into one output format. Obtain one with {@link TimelineFormat#renderer()}. */
public interface TimelineRenderer {

    TimelineFormat format();

    String timeline(List<TimelineEntry> entries);

    String snapshot(WorkerStateSnapshot snapshot);

    String findings(Findings findings);

    default String timeline(WorkerTimeline timeline) {
        return timeline(timeline.entries());
    }

    default String timeline(FleetTimeline timeline) {
        return timeline(timeline.entries());
    }
}
