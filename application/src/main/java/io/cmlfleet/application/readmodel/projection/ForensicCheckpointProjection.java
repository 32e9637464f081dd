package io.cmlfleet.application.readmodel.projection;

import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Folds every worker's events into its {@code WorkerState} as they are stored and writes the state every
 * {@link ForensicCheckpoints#INTERVAL} events to {@code forensic_checkpoint}, where forensic replays start.
 *
 * <p>The running folds are kept in memory for the most recently seen workers. When the next event of a worker does
 * not follow its fold (after a restart, an eviction, a rolled-back batch or a replay), the fold is rebuilt from the
 * latest checkpoint before that event and the events after it, read from the event store, so a checkpoint is always
 * the fold of exactly the events 0..its sequence. Without an event store (a dead-letter retry from the CLI) such a
 * worker is passed over: a missing checkpoint only makes a replay longer.
 *
 * <p>With a {@link CheckpointCompanion} (forensics' findings detectors), each checkpoint carries its fold too. A fold
 * that falls behind then catches up from the latest checkpoint whose companion fold is of the current revision, or
 * from the first event: a checkpoint never holds a companion fold of fewer events than its state.
 */
@ProcessingGroup(ProcessingGroups.FORENSIC_CHECKPOINTS)
public class ForensicCheckpointProjection {

    /**
     * Running folds kept; a worker beyond it is rebuilt from its latest checkpoint when it next has an event. Sized
     * above the fleets the engine is measured at (10,000 workers): at 1,024 a fleet of 10,000 rebuilt nearly every
     * fold on every event (a checkpoint read, up to 499 events from the store and the detectors' state parsed).
     */
    static final int FOLDS_KEPT = 16_384;

    private final ProjectionJdbc jdbc;
    private final ForensicCheckpoints checkpoints;
    private final EventStore eventStore;
    private final CheckpointCompanion companion;
    private final Map<String, CheckpointFold> folds = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CheckpointFold> eldest) {
            return size() > FOLDS_KEPT;
        }
    };

    /** @param eventStore where a fold that fell behind catches up; {@code null} to pass such workers over */
    public ForensicCheckpointProjection(ProjectionJdbc jdbc, EventStore eventStore) {
        this(jdbc, eventStore, null);
    }

    /** @param companion folded beside the state and stored in each checkpoint; {@code null} for none */
    public ForensicCheckpointProjection(ProjectionJdbc jdbc, EventStore eventStore, CheckpointCompanion companion) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.checkpoints = new ForensicCheckpoints(jdbc.jdbc());
        this.eventStore = eventStore;
        this.companion = companion;
    }

    @EventHandler
    public synchronized void on(WorkerEvent event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        if (sequence == null) {
            return; // not a domain event of the aggregate: no place in a worker's sequence
        }
        String workerId = event.workerId();
        CheckpointFold fold = folds.get(workerId);
        if (fold == null || fold.sequence() != sequence - 1) {
            fold = caughtUp(workerId, sequence).orElse(null);
            if (fold == null) {
                folds.remove(workerId);
                return;
            }
            folds.put(workerId, fold);
        }
        fold.apply(sequence, at, event);
        if (ForensicCheckpoints.due(sequence)) {
            ForensicCheckpoint checkpoint = fold.checkpoint();
            jdbc.inSavepoint(sql -> checkpoints.write(sql, checkpoint));
        }
    }

    /** The fold of events 0..sequence-1: from the latest checkpoint before it and the store's events since. */
    private Optional<CheckpointFold> caughtUp(String workerId, long sequence) {
        if (sequence == 0) {
            return Optional.of(empty(workerId));
        }
        if (eventStore == null) {
            return Optional.empty();
        }
        CheckpointFold fold = (companion == null
                ? checkpoints.latestBeforeSequence(workerId, sequence).map(CheckpointFold::from)
                : checkpoints.latestBeforeSequence(workerId, sequence, companion.revision())
                        .flatMap(checkpoint -> CheckpointFold.from(checkpoint, companion)))
                .orElseGet(() -> empty(workerId));
        DomainEventStream stream = eventStore.readEvents(workerId, fold.sequence() + 1);
        while (stream.hasNext() && fold.sequence() < sequence - 1) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() >= sequence) {
                break;
            }
            fold.apply(message.getSequenceNumber(), message.getTimestamp(),
                    message.getPayload() instanceof WorkerEvent workerEvent ? workerEvent : null);
            if (ForensicCheckpoints.due(message.getSequenceNumber()) && fold.eventsApplied() > 0) {
                ForensicCheckpoint checkpoint = fold.checkpoint();
                jdbc.inSavepoint(sql -> checkpoints.write(sql, checkpoint));
            }
        }
        return fold.sequence() == sequence - 1 ? Optional.of(fold) : Optional.empty();
    }

    private CheckpointFold empty(String workerId) {
        return companion == null ? CheckpointFold.empty(workerId) : CheckpointFold.empty(workerId, companion);
    }

    @ResetHandler
    public synchronized void reset() {
        folds.clear();
        jdbc.inSavepoint(checkpoints::clear);
    }
}
