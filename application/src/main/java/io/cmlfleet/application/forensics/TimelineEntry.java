package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.history.RecordedEvent;
import java.time.Instant;

/**
 * One line of a timeline: when, which worker, what (stable type name and a sentence an operator understands), and
 * which refresh or operator action caused it.
 *
 * @param at            the event message's timestamp
 * @param workerId      the worker
 * @param sequence      the event's sequence number in the worker's history
 * @param type          short stable type name, e.g. {@code ServiceHealthEvaluated}
 * @param description   one line, e.g. {@code service UNAVAILABLE → AVAILABLE (licensed, enterprise)}
 * @param correlationId the refresh or action id, or {@code null}
 * @param issuedBy      who or what issued it ({@code monitoring}, an operator), or {@code null}
 */
public record TimelineEntry(
        Instant at,
        String workerId,
        long sequence,
        String type,
        String description,
        String correlationId,
        String issuedBy) {

    public static TimelineEntry of(RecordedEvent recorded, String description) {
        return new TimelineEntry(recorded.at(), recorded.workerId(), recorded.sequence(), recorded.type(),
                description, recorded.correlationId(), recorded.issuedBy());
    }
}
