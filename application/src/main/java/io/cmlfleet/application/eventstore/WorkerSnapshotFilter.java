package io.cmlfleet.application.eventstore;

import io.cmlfleet.domain.worker.WorkerSnapshot;
import java.util.Objects;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.SerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a stored snapshot only when it has the shape this code writes ({@link CmlfleetSerializer#SNAPSHOT_TYPE} at
 * {@link WorkerSnapshot#REVISION}). Any other (written by an older or newer version, or by Axon's default
 * snapshotter) is ignored: the worker is rebuilt from its events, and the next snapshot replaces it.
 */
public final class WorkerSnapshotFilter implements SnapshotFilter {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerSnapshotFilter.class);

    @Override
    public boolean test(DomainEventData<?> snapshot) {
        SerializedType type = snapshot.getPayload().getType();
        boolean compatible = CmlfleetSerializer.SNAPSHOT_TYPE.equals(type.getName())
                && Objects.equals(WorkerSnapshot.REVISION, type.getRevision());
        if (!compatible) {
            LOG.debug("Ignoring snapshot of worker {} at sequence {}: stored as {} revision {}, this version reads {}"
                            + " revision {}; rebuilding it from its events", snapshot.getAggregateIdentifier(),
                    snapshot.getSequenceNumber(), type.getName(), type.getRevision(),
                    CmlfleetSerializer.SNAPSHOT_TYPE, WorkerSnapshot.REVISION);
        }
        return compatible;
    }
}
