package io.cmlfleet.application.readmodel.projection;

import io.cmlfleet.domain.worker.WorkerSnapshot;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Instant;

/**
 * A worker's history folded event by event into a {@link WorkerState}, with what a checkpoint records besides the
 * state: the last sequence number, the number of events, the latest timestamp so far. The checkpoint projection
 * and the forensic replay fold with this one class, so a checkpoint is the replay's own intermediate result.
 */
public final class CheckpointFold {

    private final String workerId;
    private final WorkerState state;
    private long sequence;
    private long eventsApplied;
    private Instant maxEventAt;
    private Instant lastEventAt;

    private CheckpointFold(String workerId, WorkerState state, long sequence, long eventsApplied, Instant maxEventAt,
                           Instant lastEventAt) {
        this.workerId = workerId;
        this.state = state;
        this.sequence = sequence;
        this.eventsApplied = eventsApplied;
        this.maxEventAt = maxEventAt;
        this.lastEventAt = lastEventAt;
    }

    /** Before the first event. */
    public static CheckpointFold empty(String workerId) {
        return new CheckpointFold(workerId, new WorkerState(), -1, 0, null, null);
    }

    /** Where a checkpoint left off. */
    public static CheckpointFold from(ForensicCheckpoint checkpoint) {
        return new CheckpointFold(checkpoint.workerId(), checkpoint.state().toState(), checkpoint.sequence(),
                checkpoint.eventsApplied(), checkpoint.maxEventAt(), checkpoint.lastEventAt());
    }

    /** Folds the next event; {@code event} is {@code null} for a stored payload that is no worker event. */
    public void apply(long eventSequence, Instant at, WorkerEvent event) {
        if (event != null) {
            state.apply(event);
            eventsApplied++;
            lastEventAt = at;
        }
        sequence = eventSequence;
        maxEventAt = maxEventAt == null || at.isAfter(maxEventAt) ? at : maxEventAt;
    }

    /** The checkpoint of this moment; only after at least one worker event. */
    public ForensicCheckpoint checkpoint() {
        return new ForensicCheckpoint(workerId, sequence, eventsApplied, maxEventAt, lastEventAt,
                WorkerSnapshot.of(state));
    }

    public WorkerState state() {
        return state;
    }

    public long sequence() {
        return sequence;
    }

    public long eventsApplied() {
        return eventsApplied;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }
}
