package io.cmlfleet.application.readmodel.query;

import java.time.Instant;

/**
 * One lab of a worker: what CML last said of it, and the last action taken on it through cmlfleet.
 *
 * @param state          CML's lab state: DEFINED_ON_CORE, STOPPED, STARTED (or another state CML reports)
 * @param lastAction     START, STOP, WIPE, IMPORT, DOWNLOAD; null when none was taken through cmlfleet
 * @param lastOutcome    SUCCEEDED or FAILED
 * @param lastError      on FAILED: error code and message
 * @param updatedAt      time of the event that last changed the row
 */
public record LabView(
        String labId,
        String title,
        String owner,
        String state,
        Integer nodeCount,
        Integer linkCount,
        Instant createdAt,
        String lastAction,
        String lastActionBy,
        String lastOutcome,
        Instant lastActionAt,
        String lastError,
        Instant updatedAt) {
}
