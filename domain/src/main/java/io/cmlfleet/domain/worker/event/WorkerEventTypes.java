package io.cmlfleet.domain.worker.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stable type names under which worker events are stored. The event store keeps these names for ever, so they
 * are decoupled from Java class and package names: a class may move or be renamed, its stored name may not.
 * Add new events at the end; never change or reuse a name.
 */
public final class WorkerEventTypes {

    public static final String PREFIX = "cmlfleet.worker.";

    private static final Map<String, Class<? extends WorkerEvent>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, String> BY_CLASS = new LinkedHashMap<>();

    static {
        register("WorkerCreated", WorkerCreated.class);
        register("StatusChanged", StatusChanged.class);
        register("NetworkAddressesChanged", NetworkAddressesChanged.class);
        register("InstanceStatusChecksChanged", InstanceStatusChecksChanged.class);
        register("EndpointPopulated", EndpointPopulated.class);
        register("EndpointCleared", EndpointCleared.class);
        register("ServiceHealthEvaluated", ServiceHealthEvaluated.class);
        register("ServiceMarkedUnavailable", ServiceMarkedUnavailable.class);
        register("CmlStatsRecorded", CmlStatsRecorded.class);
        register("TelemetryUpdated", TelemetryUpdated.class);
        register("RefreshFailed", RefreshFailed.class);
        register("LifecycleActionRequested", LifecycleActionRequested.class);
        register("WorkerTerminated", WorkerTerminated.class);
        register("RefreshCompleted", RefreshCompleted.class);
        register("LifecycleActionFailed", LifecycleActionFailed.class);
        register("IdleStopConfigured", IdleStopConfigured.class);
        register("IdleStopTriggered", IdleStopTriggered.class);
        register("UserActivityObserved", UserActivityObserved.class);
        register("IdleStopWarned", IdleStopWarned.class);
        register("IdleStopCancelled", IdleStopCancelled.class);
        register("IdleStopSnoozed", IdleStopSnoozed.class);
        register("TelemetryThresholdBreached", TelemetryThresholdBreached.class);
        register("TelemetryThresholdRecovered", TelemetryThresholdRecovered.class);
        register("LabActionRecorded", LabActionRecorded.class);
        register("LabInventoryChanged", LabInventoryChanged.class);
        register("LicenceStateChanged", LicenceStateChanged.class);
        register("LicenceOperationRequested", LicenceOperationRequested.class);
        register("LicenceOperationFinished", LicenceOperationFinished.class);
    }

    private WorkerEventTypes() {
    }

    private static void register(String simpleName, Class<? extends WorkerEvent> type) {
        BY_NAME.put(PREFIX + simpleName, type);
        BY_CLASS.put(type, PREFIX + simpleName);
    }

    /** Every worker event type by its stored name, in catalogue order. */
    public static Map<String, Class<? extends WorkerEvent>> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }

    /** The stored name of an event class, if it is a catalogued worker event. */
    public static Optional<String> nameOf(Class<?> type) {
        return Optional.ofNullable(BY_CLASS.get(type));
    }

    /** The event class stored under a name, if the name is catalogued. */
    public static Optional<Class<? extends WorkerEvent>> classFor(String storedName) {
        return Optional.ofNullable(BY_NAME.get(storedName));
    }
}
