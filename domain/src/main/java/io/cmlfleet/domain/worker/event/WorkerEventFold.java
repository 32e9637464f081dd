package io.cmlfleet.domain.worker.event;

/**
 * Something that folds worker events, one method per event type: {@code WorkerState} (what is known about a worker)
 * and the {@code CMLWorker} aggregate (its event sourcing handlers). {@link WorkerEvent#foldInto(WorkerEventFold)}
 * dispatches an event to the method for its type.
 *
 * <p>Adding an event type means adding its method here, and the compiler then names every fold that lacks it.
 */
public interface WorkerEventFold {

    void on(WorkerCreated event);

    void on(StatusChanged event);

    void on(NetworkAddressesChanged event);

    void on(InstanceStatusChecksChanged event);

    void on(EndpointPopulated event);

    void on(EndpointCleared event);

    void on(ServiceHealthEvaluated event);

    void on(ServiceMarkedUnavailable event);

    void on(CmlStatsRecorded event);

    void on(TelemetryUpdated event);

    void on(RefreshFailed event);

    void on(LifecycleActionRequested event);

    void on(WorkerTerminated event);

    void on(RefreshCompleted event);

    void on(LifecycleActionFailed event);

    void on(IdleStopConfigured event);

    void on(IdleStopTriggered event);

    void on(UserActivityObserved event);

    void on(IdleStopWarned event);

    void on(IdleStopCancelled event);

    void on(IdleStopSnoozed event);

    void on(TelemetryThresholdBreached event);

    void on(TelemetryThresholdRecovered event);

    void on(LabActionRecorded event);

    void on(LabInventoryChanged event);

    void on(LicenceStateChanged event);

    void on(LicenceOperationRequested event);

    void on(LicenceOperationFinished event);
}
