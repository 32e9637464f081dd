package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.history.EventDescriber;
import io.cmlfleet.application.forensics.history.EventTypeNames;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.application.forensics.history.WorkerHistoryReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Reads the global event stream for a window without scanning the whole store: it starts at
 * {@code createTokenAt(from - slack)} (the store finds the position by timestamp), reads message by message, and
 * stops at the first event past {@code to + slack}, at the head of the store as it was when the read began, or at
 * the limit. Memory is bounded by the limit, whatever the size of the store.
 *
 * <p>The slack exists because the global order is the order of commits, not of timestamps: two nodes may store
 * events a little out of timestamp order. The entries are sorted by time before they are returned.
 */
public final class FleetTimelineReader {

    /** How long to wait for the next event before concluding the stream is at its head. */
    private static final Duration IDLE_WAIT = Duration.ofMillis(200);

    private final EventStore eventStore;
    private final ForensicsSettings settings;
    private final EventDescriber describer = new EventDescriber();

    public FleetTimelineReader(EventStore eventStore, ForensicsSettings settings) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public FleetTimeline read(TimeWindow window, Collection<String> types, int limit) {
        Set<String> wanted = EventTypeNames.normalise(types);
        int max = limit <= 0 ? settings.fleetTimelineMaxEntries() : Math.min(limit, settings.fleetTimelineMaxEntries());
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = position(head);
        TrackingToken start = window.from() == null ? eventStore.createTailToken()
                : eventStore.createTokenAt(window.from().minus(settings.fleetScanSlack()));
        Instant stopAfter = window.to() == null ? null : window.to().plus(settings.fleetScanSlack());

        List<TimelineEntry> entries = new ArrayList<>();
        boolean truncated = false;
        long scanned = 0;
        if (headPosition < 0 || (start != null && position(start) >= headPosition)) {
            return new FleetTimeline(window, wanted, entries, false, 0);
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
            while (stream.hasNextAvailable((int) IDLE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                scanned++;
                Instant at = message.getTimestamp();
                if (stopAfter != null && at.isAfter(stopAfter)) {
                    break;
                }
                if (window.contains(at) && message instanceof DomainEventMessage<?> domain) {
                    RecordedEvent recorded = WorkerHistoryReader.toRecorded(message,
                            domain.getAggregateIdentifier(), domain.getSequenceNumber());
                    if (recorded != null && (wanted.isEmpty() || wanted.contains(recorded.type()))) {
                        if (entries.size() == max) {
                            truncated = true;
                            break;
                        }
                        entries.add(TimelineEntry.of(recorded, describer.describe(recorded.event())));
                    }
                }
                if (position(message.trackingToken()) >= headPosition) {
                    break; // reached the head as it was when the read began: later events are not asked for
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event stream", e);
        }
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::workerId)
                .thenComparingLong(TimelineEntry::sequence));
        return new FleetTimeline(window, wanted, entries, truncated, scanned);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
