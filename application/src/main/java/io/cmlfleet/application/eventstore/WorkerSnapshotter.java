package io.cmlfleet.application.eventstore;

import io.cmlfleet.domain.worker.CMLWorker;
import io.cmlfleet.domain.worker.WorkerSnapshot;
import io.cmlfleet.domain.worker.WorkerState;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Takes a {@link WorkerSnapshot} of a worker: a stable, versioned JSON shape rather than the aggregate object, whose
 * Java fields are no interface. It folds the latest snapshot and the events after it into a {@link WorkerState},
 * exactly as the aggregate's event sourcing handlers do, so it needs no aggregate model of its own. Snapshots are
 * taken after the command that crossed the threshold has committed, in the same thread.
 */
public final class WorkerSnapshotter extends AbstractSnapshotter {

    private WorkerSnapshotter(Builder builder) {
        super(builder);
    }

    /** The snapshotter for {@link CMLWorker} in this Axon configuration. */
    public static WorkerSnapshotter create(Configuration configuration) {
        return create(configuration.eventStore(),
                configuration.getComponent(TransactionManager.class, NoTransactionManager::instance));
    }

    public static WorkerSnapshotter create(EventStore eventStore, TransactionManager transactionManager) {
        Builder builder = new Builder();
        builder.eventStore(eventStore).transactionManager(transactionManager);
        return new WorkerSnapshotter(builder);
    }

    @Override
    protected DomainEventMessage createSnapshot(Class<?> aggregateType, String aggregateIdentifier,
                                                DomainEventStream eventStream) {
        WorkerState state = new WorkerState();
        long lastSequence = -1;
        while (eventStream.hasNext()) {
            DomainEventMessage<?> message = eventStream.next();
            if (message.getPayload() instanceof WorkerSnapshot snapshot) {
                state = snapshot.toState();
            } else if (message.getPayload() instanceof WorkerEvent event) {
                state.apply(event);
            }
            lastSequence = message.getSequenceNumber();
        }
        if (lastSequence < 0 || state.workerId() == null) {
            return null; // nothing known about this worker: nothing to snapshot
        }
        return new GenericDomainEventMessage<>(aggregateType.getSimpleName(), aggregateIdentifier, lastSequence,
                WorkerSnapshot.of(state));
    }

    private static final class Builder extends AbstractSnapshotter.Builder {
    }
}
