package io.cmlfleet.application.rendering;

import io.cmlfleet.application.forensics.FleetTimeline;
import io.cmlfleet.application.forensics.TimelineEntry;
import io.cmlfleet.application.forensics.WorkerStateSnapshot;
import io.cmlfleet.application.forensics.WorkerTimeline;
import io.cmlfleet.application.forensics.finding.Findings;
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
