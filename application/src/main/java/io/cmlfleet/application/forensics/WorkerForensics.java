package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.history.EventDescriber;
import io.cmlfleet.application.forensics.history.EventTypeNames;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.application.forensics.history.WorkerHistoryReader;
import io.cmlfleet.application.readmodel.projection.CheckpointFold;
import io.cmlfleet.application.readmodel.projection.ForensicCheckpoint;
import io.cmlfleet.application.readmodel.projection.ForensicCheckpoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The forensics service: timelines, state at an instant, findings and the fleet timeline, all read from the event
 * store. The CLI, HTTP and the query gateway ({@link ForensicsQueryHandler}) call this one class, so they answer
 * alike.
 */
public final class WorkerForensics {

    private final WorkerHistoryReader histories;
    private final FleetTimelineReader fleet;
    private final FindingsAnalyzer analyzer;
    private final EventStore eventStore;
    private final ForensicCheckpoints checkpoints;
    private final CheckpointedFindings checkpointedFindings;
    private final EventDescriber describer = new EventDescriber();

    /** Without checkpoints: every answer replays from the first event (the CLI on Axon Server, tests). */
    public WorkerForensics(EventStore eventStore, ForensicsSettings settings) {
        this(eventStore, settings, null);
    }

    /**
     * @param checkpoints where replays may start ({@link ForensicCheckpoints}); {@code null} for none. A missing or
     *                    unusable checkpoint means a longer replay, never another answer.
     */
    public WorkerForensics(EventStore eventStore, ForensicsSettings settings, ForensicCheckpoints checkpoints) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.histories = new WorkerHistoryReader(eventStore);
        this.fleet = new FleetTimelineReader(eventStore, settings);
        this.analyzer = new FindingsAnalyzer(settings);
        this.checkpoints = checkpoints;
        this.checkpointedFindings = checkpoints == null ? null
                : new CheckpointedFindings(histories, checkpoints, settings);
    }

    /** Every matching entry in one answer (the library's own callers; HTTP and CLI page). */
    public WorkerTimeline timeline(String workerId, TimeWindow window, Collection<String> types) {
        return timeline(workerId, window, types, null);
    }

    /**
     * One page of the timeline. The read starts at the page's cursor or, for a window with a start, after the
     * latest checkpoint whose events all lie before it (no event of the window can precede it), and stops when the
     * page is full: a page of a long history reads about its own length, not the history.
     *
     * @param page {@code null} for every match in one answer
     */
    public WorkerTimeline timeline(String workerId, TimeWindow window, Collection<String> types, TimelinePage page) {
        Objects.requireNonNull(window, "window");
        Set<String> wanted = EventTypeNames.normalise(types);
        long start = page == null ? 0 : page.firstSequence();
        if (window.from() != null && checkpoints != null) {
            start = Math.max(start, checkpoints.latestBefore(workerId, window.from())
                    .map(checkpoint -> checkpoint.sequence() + 1).orElse(0L));
        }
        int limit = page == null ? Integer.MAX_VALUE : page.limit();
        List<TimelineEntry> entries = new ArrayList<>();
        Long[] next = {null};
        histories.scan(workerId, start, true, recorded -> {
            if (!window.contains(recorded.at()) || !(wanted.isEmpty() || wanted.contains(recorded.type()))) {
                return true;
            }
            if (entries.size() == limit) {
                next[0] = entries.get(entries.size() - 1).sequence();
                return false;
            }
            entries.add(TimelineEntry.of(recorded, describer.describe(recorded.event())));
            return true;
        });
        long historyEvents = eventStore.lastSequenceNumberFor(workerId).map(last -> last + 1).orElse(0L);
        return new WorkerTimeline(workerId, window, wanted, entries, next[0], historyEvents);
    }

    /**
     * The worker's state after its events up to the first one stamped after {@code at} (all of them when {@code at}
     * is null): from the latest checkpoint whose events all lie at or before {@code at}, then the events after it.
     * The checkpoint is the fold of the events before it, so the answer is the full replay's.
     *
     * @throws WorkerHistoryNotFoundException when the worker had no events by then
     */
    public WorkerStateSnapshot stateAt(String workerId, Instant at) {
        CheckpointFold fold = (checkpoints == null ? Optional.<ForensicCheckpoint>empty()
                : checkpoints.latestAtOrBefore(workerId, at))
                .map(CheckpointFold::from).orElseGet(() -> CheckpointFold.empty(workerId));
        histories.scan(workerId, fold.sequence() + 1, false, recorded -> {
            if (at != null && recorded.at().isAfter(at)) {
                return false;
            }
            fold.apply(recorded.sequence(), recorded.at(), recorded.event());
            return true;
        });
        if (fold.eventsApplied() == 0) {
            throw new WorkerHistoryNotFoundException("no events for worker " + workerId
                    + (at == null ? "" : " at or before " + at));
        }
        return WorkerStateSnapshot.of(fold.state(), at == null ? fold.lastEventAt() : at,
                Math.toIntExact(fold.eventsApplied()), fold.lastEventAt());
    }

    /**
     * Resumed from the latest findings checkpoint before the window ({@link CheckpointedFindings}), or else folded
     * over the whole history from the first event; read without metadata (the detectors need none).
     */
    public Findings findings(String workerId, TimeWindow window) {
        Objects.requireNonNull(window, "window");
        Optional<Findings> resumed = checkpointedFindings == null ? Optional.empty()
                : checkpointedFindings.find(workerId, window);
        return resumed.orElseGet(() -> analyzer.analyze(workerId, histories.readPayloads(workerId), window));
    }

    public FleetTimeline fleetTimeline(TimeWindow window, Collection<String> types, int limit) {
        return fleet.read(window, types, limit);
    }
}
