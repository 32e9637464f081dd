package io.cmlfleet.application.eventstore;

/**
 * How workers are loaded for a command: from their latest snapshot and the events after it, and from a cache of
 * loaded aggregates, so that a command costs the same on a worker with ten events and one with a hundred thousand.
 *
 * @param snapshotThreshold events loaded or applied since the last snapshot that make a new one; 0 switches
 *                          snapshots off
 * @param cacheEnabled      keep loaded workers in a weak-reference cache (a failed command evicts its worker)
 */
public record WorkerRepositorySettings(int snapshotThreshold, boolean cacheEnabled) {

    public WorkerRepositorySettings {
        if (snapshotThreshold < 0) {
            throw new IllegalArgumentException("snapshotThreshold must be 0 (off) or more, was " + snapshotThreshold);
        }
    }

    /** A snapshot every 250 events (under half a day of a healthy worker at the service's cadence), cache on. */
    public static WorkerRepositorySettings defaults() {
        return new WorkerRepositorySettings(250, true);
    }
}
