package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import java.util.ArrayList;
import java.util.List;

/**
 * The refresh rule from the field, as a pure function of worker state: run the CML health check whenever the worker
 * is RUNNING with an HTTPS endpoint; query the CML API only when, in addition, the service is AVAILABLE.
 */
public final class RefreshGate {

    private RefreshGate() {
    }

    public static RefreshGateDecision decide(WorkerStatus status, String endpoint, CmlServiceStatus serviceStatus) {
        return decide(status, endpoint, serviceStatus, (String) null);
    }

    /**
     * The decision for a worker state, with the last health check's error as the reason of an ERROR service, so
     * "why was the CML API not called?" answers {@code CML service is ERROR, not AVAILABLE: cannot run labs: ...}.
     */
    public static RefreshGateDecision decide(WorkerStatus status, String endpoint, CmlServiceStatus serviceStatus,
                                             ServiceHealthEvaluated lastHealth) {
        boolean explains = serviceStatus == CmlServiceStatus.ERROR && lastHealth != null
                && lastHealth.newStatus() == CmlServiceStatus.ERROR;
        return decide(status, endpoint, serviceStatus, explains ? lastHealth.error() : null);
    }

    /** @param serviceReason why the service is not AVAILABLE, appended to its blocker; null: no reason known */
    public static RefreshGateDecision decide(WorkerStatus status, String endpoint, CmlServiceStatus serviceStatus,
                                             String serviceReason) {
        List<String> healthBlockers = new ArrayList<>();
        if (status != WorkerStatus.RUNNING) {
            healthBlockers.add("worker is " + status + ", not RUNNING");
        }
        if (endpoint == null || endpoint.isBlank()) {
            healthBlockers.add("worker has no HTTPS endpoint");
        }
        List<String> cmlBlockers = new ArrayList<>(healthBlockers);
        if (serviceStatus != CmlServiceStatus.AVAILABLE) {
            cmlBlockers.add("CML service is " + serviceStatus + ", not AVAILABLE"
                    + (serviceReason == null ? "" : ": " + serviceReason));
        }
        String knownEndpoint = endpoint == null || endpoint.isBlank() ? null : endpoint;
        return new RefreshGateDecision(status, knownEndpoint, serviceStatus, healthBlockers, cmlBlockers);
    }
}
