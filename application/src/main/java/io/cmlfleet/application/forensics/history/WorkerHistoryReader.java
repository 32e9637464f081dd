package io.cmlfleet.application.forensics.history;

import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

/**
 * Reads a worker's history straight from the event store (never from a projection: projections are derived and may
 * lag or be rebuilt; the store is the record). Upcasters registered with the store apply, so old revisions read as
 * current ones.
 */
public final class WorkerHistoryReader {

    /** Axon's own correlation keys ({@code MessageOriginProvider}), the fallback when cmlfleet's key is absent. */
    static final String AXON_CORRELATION_ID = "correlationId";
    static final String AXON_TRACE_ID = "traceId";

    /** Histories at least this long are read in two halves at once: below, a second thread costs more. */
    static final long PARALLEL_FROM = 20_000;

    private final EventStore eventStore;
    private final long parallelFrom;

    public WorkerHistoryReader(EventStore eventStore) {
        this(eventStore, PARALLEL_FROM);
    }

    /** @param parallelFrom the history length from which {@link #readPayloads} reads two halves at once */
    public WorkerHistoryReader(EventStore eventStore, long parallelFrom) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.parallelFrom = parallelFrom;
    }

    /** Every event of the worker, in sequence order; empty when the store knows no such worker. */
    public List<RecordedEvent> read(String workerId) {
        List<RecordedEvent> history = new ArrayList<>();
        scan(workerId, 0L, true, recorded -> history.add(recorded));
        return history;
    }

    /**
     * Shows the worker's events from {@code fromSequence} on, in sequence order, to {@code visitor} until it returns
     * false. The store's stream is lazy (JDBC and Axon Server fetch it in batches), so stopping early also stops
     * reading. Without {@code withMetaData} the correlation id and issuer are left {@code null}: deserialising the
     * metadata costs about as much as the payload, and only the timeline shows them.
     */
    public void scan(String workerId, long fromSequence, boolean withMetaData, Predicate<RecordedEvent> visitor) {
        Objects.requireNonNull(workerId, "workerId");
        DomainEventStream stream = eventStore.readEvents(workerId, Math.max(0L, fromSequence));
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            RecordedEvent recorded = withMetaData
                    ? toRecorded(message, message.getAggregateIdentifier(), message.getSequenceNumber())
                    : payloadOnly(message);
            if (recorded != null && !visitor.test(recorded)) {
                return;
            }
        }
    }

    /**
     * Every event of the worker without metadata, read in two halves at once: reading dominates a long history's
     * analysis (the fold and the detectors take a few per cent of it), and the halves are independent ranges of
     * sequence numbers, so the answer is the same as one pass from the first event.
     */
    public List<RecordedEvent> readPayloads(String workerId) {
        Objects.requireNonNull(workerId, "workerId");
        long last = eventStore.lastSequenceNumberFor(workerId).orElse(-1L);
        if (last + 1 < parallelFrom) {
            List<RecordedEvent> history = new ArrayList<>();
            scan(workerId, 0L, false, history::add);
            return history;
        }
        long middle = (last + 1) / 2;
        CompletableFuture<List<RecordedEvent>> later = CompletableFuture.supplyAsync(
                () -> range(workerId, middle, Long.MAX_VALUE), runnable -> {
                    Thread thread = new Thread(runnable, "forensics-read-" + workerId);
                    thread.setDaemon(true);
                    thread.start();
                });
        List<RecordedEvent> history = range(workerId, 0L, middle);
        history.addAll(later.join());
        return history;
    }

    private List<RecordedEvent> range(String workerId, long from, long toExclusive) {
        List<RecordedEvent> events = new ArrayList<>();
        scan(workerId, from, false, recorded -> {
            if (recorded.sequence() >= toExclusive) {
                return false;
            }
            events.add(recorded);
            return true;
        });
        return events;
    }

    private static RecordedEvent payloadOnly(DomainEventMessage<?> message) {
        if (!(message.getPayload() instanceof WorkerEvent event)) {
            return null;
        }
        String workerId = message.getAggregateIdentifier() != null ? message.getAggregateIdentifier()
                : event.workerId();
        return new RecordedEvent(message.getTimestamp(), workerId, message.getSequenceNumber(),
                EventTypeNames.shortName(event), event, null, null);
    }

    /** Converts a message of any origin; {@code null} for a payload that is no worker event. */
    public static RecordedEvent toRecorded(EventMessage<?> message, String aggregateId, long sequence) {
        if (!(message.getPayload() instanceof WorkerEvent event)) {
            return null;
        }
        MetaData metaData = message.getMetaData();
        String workerId = aggregateId != null ? aggregateId : event.workerId();
        return new RecordedEvent(message.getTimestamp(), workerId, sequence, EventTypeNames.shortName(event), event,
                correlationId(metaData), text(metaData.get(RefreshCorrelation.ISSUED_BY)));
    }

    static String correlationId(MetaData metaData) {
        for (String key : List.of(RefreshCorrelation.CORRELATION_ID, AXON_CORRELATION_ID, AXON_TRACE_ID)) {
            String value = text(metaData.get(key));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
