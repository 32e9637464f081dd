package io.cmlfleet.application.readmodel.projection;

import io.cmlfleet.domain.worker.WorkerSnapshot;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * A worker's history folded event by event into a {@link WorkerState}, with what a checkpoint records besides the
 * state: the last sequence number, the number of events, the latest timestamp so far, and optionally a
 * {@link CheckpointCompanion} fold over the same events. The checkpoint projection and the forensic replay fold with
 * this one class, so a checkpoint is the replay's own intermediate result.
 */
public final class CheckpointFold {

    private final String workerId;
    private final WorkerState state;
    private long sequence;
    private long eventsApplied;
    private Instant maxEventAt;
    private Instant lastEventAt;
    private final CheckpointCompanion companion;
    private final CheckpointCompanion.Fold companionFold;

    private CheckpointFold(String workerId, WorkerState state, long sequence, long eventsApplied, Instant maxEventAt,
                           Instant lastEventAt, CheckpointCompanion companion, CheckpointCompanion.Fold companionFold) {
        this.workerId = workerId;
        this.state = state;
        this.sequence = sequence;
        this.eventsApplied = eventsApplied;
        this.maxEventAt = maxEventAt;
        this.lastEventAt = lastEventAt;
        this.companion = companion;
        this.companionFold = companionFold;
    }

    /** Before the first event. */
    public static CheckpointFold empty(String workerId) {
        return new CheckpointFold(workerId, new WorkerState(), -1, 0, null, null, null, null);
    }

    /** Before the first event, with a companion fold from the start. */
    public static CheckpointFold empty(String workerId, CheckpointCompanion companion) {
        return new CheckpointFold(workerId, new WorkerState(), -1, 0, null, null, companion,
                companion.start(workerId));
    }

    /** Where a checkpoint left off (the state alone). */
    public static CheckpointFold from(ForensicCheckpoint checkpoint) {
        return new CheckpointFold(checkpoint.workerId(), checkpoint.state().toState(), checkpoint.sequence(),
                checkpoint.eventsApplied(), checkpoint.maxEventAt(), checkpoint.lastEventAt(), null, null);
    }

    /**
     * Where a checkpoint left off, the companion included; empty when the checkpoint holds no companion fold of
     * the companion's revision or it does not read (the caller starts over).
     */
    public static Optional<CheckpointFold> from(ForensicCheckpoint checkpoint, CheckpointCompanion companion) {
        if (!companion.revision().equals(checkpoint.findingsRevision()) || checkpoint.findingsJson() == null) {
            return Optional.empty();
        }
        return companion.resume(checkpoint.workerId(), checkpoint.findingsJson())
                .map(resumed -> new CheckpointFold(checkpoint.workerId(), checkpoint.state().toState(),
                        checkpoint.sequence(), checkpoint.eventsApplied(), checkpoint.maxEventAt(),
                        checkpoint.lastEventAt(), companion, resumed));
    }

    /** Folds the next event; {@code event} is {@code null} for a stored payload that is no worker event. */
    public void apply(long eventSequence, Instant at, WorkerEvent event) {
        if (event != null) {
            state.apply(event);
            eventsApplied++;
            lastEventAt = at;
            if (companionFold != null) {
                companionFold.apply(eventSequence, at, event, state);
            }
        }
        sequence = eventSequence;
        maxEventAt = maxEventAt == null || at.isAfter(maxEventAt) ? at : maxEventAt;
    }

    /** The checkpoint of this moment; only after at least one worker event. */
    public ForensicCheckpoint checkpoint() {
        return new ForensicCheckpoint(workerId, sequence, eventsApplied, maxEventAt, lastEventAt,
                WorkerSnapshot.of(state), companion == null ? null : companion.revision(),
                companionFold == null ? null : companionFold.json());
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
