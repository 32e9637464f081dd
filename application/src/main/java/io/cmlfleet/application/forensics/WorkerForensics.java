package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.history.EventDescriber;
import io.cmlfleet.application.forensics.history.EventTypeNames;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.application.forensics.history.WorkerHistoryReader;
import io.cmlfleet.domain.worker.WorkerState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The forensics service: timelines, state at an instant, findings and the fleet timeline, all read from the event
 * store. The CLI, HTTP and the query gateway ({@link ForensicsQueryHandler}) call this one class, so they answer
 * alike.
 */
public final class WorkerForensics {

    private final WorkerHistoryReader histories;
    private final FleetTimelineReader fleet;
    private final FindingsAnalyzer analyzer;
    private final EventDescriber describer = new EventDescriber();

    public WorkerForensics(org.axonframework.eventsourcing.eventstore.EventStore eventStore,
                           ForensicsSettings settings) {
        this.histories = new WorkerHistoryReader(eventStore);
        this.fleet = new FleetTimelineReader(eventStore, settings);
        this.analyzer = new FindingsAnalyzer(settings);
    }

    public WorkerTimeline timeline(String workerId, TimeWindow window, Collection<String> types) {
        Objects.requireNonNull(window, "window");
        Set<String> wanted = EventTypeNames.normalise(types);
        List<TimelineEntry> entries = histories.read(workerId).stream()
                .filter(recorded -> window.contains(recorded.at()))
                .filter(recorded -> wanted.isEmpty() || wanted.contains(recorded.type()))
                .map(recorded -> TimelineEntry.of(recorded, describer.describe(recorded.event())))
                .toList();
        return new WorkerTimeline(workerId, window, wanted, entries);
    }

    /**
     * Replays the worker's events with a timestamp at or before {@code at} (all of them when {@code at} is null).
     *
     * @throws WorkerHistoryNotFoundException when the worker had no events by then
     */
    public WorkerStateSnapshot stateAt(String workerId, Instant at) {
        WorkerState state = new WorkerState();
        int applied = 0;
        Instant lastEventAt = null;
        for (RecordedEvent recorded : histories.read(workerId)) {
            if (at != null && recorded.at().isAfter(at)) {
                break;
            }
            state.apply(recorded.event());
            applied++;
            lastEventAt = recorded.at();
        }
        if (applied == 0) {
            throw new WorkerHistoryNotFoundException("no events for worker " + workerId
                    + (at == null ? "" : " at or before " + at));
        }
        return WorkerStateSnapshot.of(state, at == null ? lastEventAt : at, applied, lastEventAt);
    }

    public Findings findings(String workerId, TimeWindow window) {
        return analyzer.analyze(workerId, histories.read(workerId), window);
    }

    public FleetTimeline fleetTimeline(TimeWindow window, Collection<String> types, int limit) {
        return fleet.read(window, types, limit);
    }
}
