package io.cmlfleet.application.readmodel.projection;

import io.cmlfleet.domain.worker.WorkerSnapshot;
import java.time.Instant;
import java.util.Objects;

/**
 * A worker's whole state after one of its events, as the fold of its events from the first one up to and including
 * {@code sequence}: where a forensic replay may start instead of at the first event.
 *
 * @param workerId      the worker
 * @param sequence      the sequence number of the last event folded in
 * @param eventsApplied how many worker events were folded (the events 0..sequence that carry a worker event)
 * @param maxEventAt    the latest timestamp among those events (they are not guaranteed to be in timestamp order)
 * @param lastEventAt   the timestamp of the event at {@code sequence}
 * @param state         the state then, in the versioned snapshot shape that carries every field of the state
 * @param findingsRevision the {@link CheckpointCompanion#revision()} of {@code findingsJson}, or {@code null}
 * @param findingsJson  the companion fold (forensics' detectors) over the same events, or {@code null} when the
 *                      checkpoint was written without one
 */
public record ForensicCheckpoint(String workerId, long sequence, long eventsApplied, Instant maxEventAt,
                                 Instant lastEventAt, WorkerSnapshot state, String findingsRevision,
                                 String findingsJson) {

    /** A checkpoint of the state alone. */
    public ForensicCheckpoint(String workerId, long sequence, long eventsApplied, Instant maxEventAt,
                              Instant lastEventAt, WorkerSnapshot state) {
        this(workerId, sequence, eventsApplied, maxEventAt, lastEventAt, state, null, null);
    }

    public ForensicCheckpoint {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(maxEventAt, "maxEventAt");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        Objects.requireNonNull(state, "state");
    }
}
