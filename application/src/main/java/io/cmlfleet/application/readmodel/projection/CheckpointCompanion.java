package io.cmlfleet.application.readmodel.projection;

import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * A second fold over the same events as a {@link CheckpointFold}, stored beside the state in each checkpoint
 * (forensics' findings detectors). It is an interface here because the read model sits below forensics: the
 * projection runs the companion without knowing what it computes.
 */
public interface CheckpointCompanion {

    /**
     * What the stored JSON means: its shape and everything it was computed with. A checkpoint whose revision
     * differs is not resumed from (the fold starts over), and readers pass it over.
     */
    String revision();

    /** The fold before the worker's first event. */
    Fold start(String workerId);

    /** The fold where a checkpoint of this {@link #revision()} left off; empty when its JSON does not read. */
    Optional<Fold> resume(String workerId, String json);

    /** One worker's running companion fold. */
    interface Fold {

        /** The next worker event, after {@code state} has folded it in. */
        void apply(long sequence, Instant at, WorkerEvent event, WorkerState state);

        /** The fold so far, as stored in the checkpoint. */
        String json();
    }
}
