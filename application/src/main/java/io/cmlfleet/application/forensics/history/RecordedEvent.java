package io.cmlfleet.application.forensics.history;

import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Instant;

/**
 * One event as the event store holds it: the payload plus what only the message knows (when it was stored, its
 * place in the worker's sequence, who caused it). Everything forensics computes starts from a list of these.
 *
 * @param at            the event message's timestamp
 * @param workerId      the aggregate identifier
 * @param sequence      the aggregate sequence number
 * @param type          short stable type name, e.g. {@code StatusChanged}
 * @param event         the (upcast) payload
 * @param correlationId {@code cmlfleet.correlationId}, else Axon's {@code correlationId} or {@code traceId}
 * @param issuedBy      {@code cmlfleet.issuedBy}, or {@code null}
 */
public record RecordedEvent(
        Instant at,
        String workerId,
        long sequence,
        String type,
        WorkerEvent event,
        String correlationId,
        String issuedBy) {
}
