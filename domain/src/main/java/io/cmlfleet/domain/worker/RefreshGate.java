package io.cmlfleet.domain.worker;

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
        List<String> healthBlockers = new ArrayList<>();
        if (status != WorkerStatus.RUNNING) {
            healthBlockers.add("worker is " + status + ", not RUNNING");
        }
        if (endpoint == null || endpoint.isBlank()) {
            healthBlockers.add("worker has no HTTPS endpoint");
        }
        List<String> cmlBlockers = new ArrayList<>(healthBlockers);
        if (serviceStatus != CmlServiceStatus.AVAILABLE) {
            cmlBlockers.add("CML service is " + serviceStatus + ", not AVAILABLE");
        }
        String knownEndpoint = endpoint == null || endpoint.isBlank() ? null : endpoint;
        return new RefreshGateDecision(status, knownEndpoint, serviceStatus, healthBlockers, cmlBlockers);
    }
}
