package io.cmlfleet.application.operations;

import io.cmlfleet.application.readmodel.deadletter.DeadLetteredSequence;

/**
 * What a retry did.
 *
 * @param processingGroup    the projection
 * @param sequenceIdentifier the worker id
 * @param resolved           every letter was handled: the sequence is gone and the worker's events flow again
 * @param handled            letters handled successfully (and removed) by this retry
 * @param skippedEvents      events the full sequence had skipped: missing from the projection until it is rebuilt
 * @param rebuildNeeded      {@code skippedEvents > 0}: rebuild the projection once the sequence is resolved
 * @param remaining          the sequence as it is now, with the new cause; null when resolved
 */
public record RetryOutcome(String processingGroup, String sequenceIdentifier, boolean resolved, long handled,
                           long skippedEvents, boolean rebuildNeeded, DeadLetteredSequence remaining) {
}
