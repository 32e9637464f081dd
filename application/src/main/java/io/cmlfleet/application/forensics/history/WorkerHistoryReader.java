package io.cmlfleet.application.forensics.history;

import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

    private final EventStore eventStore;

    public WorkerHistoryReader(EventStore eventStore) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
    }

    /** Every event of the worker, in sequence order; empty when the store knows no such worker. */
    public List<RecordedEvent> read(String workerId) {
        Objects.requireNonNull(workerId, "workerId");
        List<RecordedEvent> history = new ArrayList<>();
        // From the first event, never from a snapshot: forensics answers from the events themselves.
        DomainEventStream stream = eventStore.readEvents(workerId, 0L);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            RecordedEvent recorded = toRecorded(message, message.getAggregateIdentifier(),
                    message.getSequenceNumber());
            if (recorded != null) {
                history.add(recorded);
            }
        }
        return history;
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
