package io.cmlfleet.bootstrap.config;

import static java.util.Objects.requireNonNullElse;

import io.cmlfleet.application.eventstore.WorkerRepositorySettings;

/**
 * @param snapshotThreshold events since the last snapshot of a worker that make a new one (0: no snapshots)
 * @param cacheEnabled      keep loaded workers in a cache
 */
public record AggregateProperties(Integer snapshotThreshold, Boolean cacheEnabled) {

    private static final WorkerRepositorySettings DEFAULTS = WorkerRepositorySettings.defaults();

    public AggregateProperties {
        snapshotThreshold = requireNonNullElse(snapshotThreshold, DEFAULTS.snapshotThreshold());
        cacheEnabled = requireNonNullElse(cacheEnabled, DEFAULTS.cacheEnabled());
        SettingChecks.atLeast("cmlfleet.aggregate.snapshot-threshold", snapshotThreshold, 0);
    }

    public WorkerRepositorySettings settings() {
        return new WorkerRepositorySettings(snapshotThreshold, cacheEnabled);
    }
}
