package io.cmlfleet.application.readmodel.deadletter;

import java.time.Instant;

/**
 * One worker's parked events in one projection: the sequence Axon's dead-letter queue keeps in order behind its
 * first failed event. While it exists that projection's row for the worker is stale (it stopped at the event before
 * the first letter).
 *
 * @param processingGroup    the projection, e.g. {@code worker-summary}
 * @param sequenceIdentifier the worker id (projections are sequenced per worker)
 * @param deadLetters        the events parked in the queue
 * @param skippedEvents      later events not parked because the sequence was full; they are missing from the
 *                           projection until it is rebuilt
 * @param causeType          the exception class of the first letter's last failure
 * @param causeMessage       its message, escaped to one line and shortened ({@link #CAUSE_LENGTH} characters)
 * @param firstEnqueuedAt    when the first letter was parked
 * @param lastEnqueuedAt     when the last letter was parked
 */
public record DeadLetteredSequence(
        String processingGroup,
        String sequenceIdentifier,
        long deadLetters,
        long skippedEvents,
        String causeType,
        String causeMessage,
        Instant firstEnqueuedAt,
        Instant lastEnqueuedAt) {

    /** The longest cause text shown: enough for the SQL error, not a dump of the statement. */
    public static final int CAUSE_LENGTH = 300;
}
