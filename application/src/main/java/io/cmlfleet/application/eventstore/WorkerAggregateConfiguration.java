package io.cmlfleet.application.eventstore;

import io.cmlfleet.domain.worker.CMLWorker;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;

/**
 * How Axon keeps {@link CMLWorker}: snapshots every {@code snapshotThreshold} events (only compatible ones are read
 * back), and a cache of loaded workers. The same on every storage mode: snapshots go to the store the events are in.
 */
public final class WorkerAggregateConfiguration {

    private WorkerAggregateConfiguration() {
    }

    public static AggregateConfigurer<CMLWorker> of(WorkerRepositorySettings settings) {
        AggregateConfigurer<CMLWorker> aggregate = AggregateConfigurer.defaultConfiguration(CMLWorker.class)
                .configureSnapshotFilter(c -> new WorkerSnapshotFilter())
                .configureSnapshotTrigger(c -> settings.snapshotThreshold() == 0
                        ? NoSnapshotTriggerDefinition.INSTANCE
                        : new EventCountSnapshotTriggerDefinition(WorkerSnapshotter.create(c),
                                settings.snapshotThreshold()));
        return settings.cacheEnabled() ? aggregate.configureCache(c -> new WeakReferenceCache()) : aggregate;
    }
}
