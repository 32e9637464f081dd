package io.cmlfleet.domain.worker.event;

/**
 * Every event in a CMLWorker's history. Events are the permanent record: once released they are never edited; a
 * change of shape is a new revision with an upcaster.
 *
 * <p>Sealed, so that the list below is the whole vocabulary: a new event is added here, to {@link WorkerEventTypes}
 * and to docs/events.md, and {@link #foldInto(WorkerEventFold)} makes the compiler ask for its fold.
 */
public sealed interface WorkerEvent permits
        WorkerCreated,
        StatusChanged,
        NetworkAddressesChanged,
        InstanceStatusChecksChanged,
        EndpointPopulated,
        EndpointCleared,
        ServiceHealthEvaluated,
        ServiceMarkedUnavailable,
        CmlStatsRecorded,
        TelemetryUpdated,
        RefreshFailed,
        LifecycleActionRequested,
        WorkerTerminated,
        RefreshCompleted,
        LifecycleActionFailed,
        IdleStopConfigured,
        IdleStopTriggered,
        UserActivityObserved,
        IdleStopWarned,
        IdleStopCancelled,
        IdleStopSnoozed,
        TelemetryThresholdBreached,
        TelemetryThresholdRecovered,
        LabActionRecorded,
        LabInventoryChanged,
        LicenceStateChanged,
        LicenceOperationRequested,
        LicenceOperationFinished {

    /** The worker the event belongs to: the aggregate identifier. */
    String workerId();

    /**
     * Hands this event to the fold's method for its own type. Every event implements it as {@code fold.on(this)},
     * which compiles only once {@link WorkerEventFold} has a method for the type, and then every fold must have one.
     * Java 17 has no exhaustive switch over a sealed type; this double dispatch is what makes a missing fold a
     * compile error instead of an event silently ignored.
     */
    void foldInto(WorkerEventFold fold);
}
