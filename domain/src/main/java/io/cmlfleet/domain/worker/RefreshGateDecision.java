package io.cmlfleet.domain.worker;

import java.util.List;

/**
 * What the refresh gate decided for one worker state, with the reasons in words an operator understands. Logs and
 * the forensic timeline print these texts, so they are part of the interface: change them with care.
 *
 * @param status            the worker status the decision was taken on
 * @param endpoint          the HTTPS endpoint the decision was taken on, or {@code null}
 * @param serviceStatus     the CML service status the decision was taken on
 * @param healthCheckBlockers why the health check may not run; empty when it may
 * @param cmlQueryBlockers  why the CML API may not be queried; empty when it may
 */
public record RefreshGateDecision(
        WorkerStatus status,
        String endpoint,
        CmlServiceStatus serviceStatus,
        List<String> healthCheckBlockers,
        List<String> cmlQueryBlockers) {

    public RefreshGateDecision {
        healthCheckBlockers = List.copyOf(healthCheckBlockers);
        cmlQueryBlockers = List.copyOf(cmlQueryBlockers);
    }

    /**
     * The gate once a health check of this endpoint has answered: what the aggregate will decide after recording it,
     * by the same rule, so a refresh can call the CML API on its own health result without first recording it.
     */
    public RefreshGateDecision afterHealthCheck(boolean reachable, boolean valid) {
        return afterHealthCheck(reachable, valid, null);
    }

    /** As {@link #afterHealthCheck(boolean, boolean)}, judging the controller's readiness as the aggregate will. */
    public RefreshGateDecision afterHealthCheck(boolean reachable, boolean valid, ControllerReadiness readiness) {
        java.util.List<String> blockers = reachable ? ControllerReadinessRule.blockers(readiness) : java.util.List.of();
        return RefreshGate.decide(status, endpoint, CmlServiceStatus.fromHealthCheck(reachable, valid, blockers),
                ControllerReadinessRule.summary(blockers));
    }

    public boolean hasEndpoint() {
        return endpoint != null;
    }

    /** Run {@code /api/v0/system_health}: the worker is RUNNING and has an endpoint. */
    public boolean runHealthCheck() {
        return healthCheckBlockers.isEmpty();
    }

    /** Query the CML API (information, stats, licensing, labs): RUNNING, endpoint set, service AVAILABLE. */
    public boolean queryCmlApi() {
        return cmlQueryBlockers.isEmpty();
    }

    /** Why the health check is skipped, e.g. {@code worker is STOPPED, not RUNNING}; empty when it runs. */
    public String healthCheckSkipReason() {
        return String.join("; ", healthCheckBlockers);
    }

    /** Why the CML API is not queried, e.g. {@code CML service is UNAVAILABLE, not AVAILABLE}; empty when it is. */
    public String cmlQuerySkipReason() {
        return String.join("; ", cmlQueryBlockers);
    }

    /** The facts the CML query requirement looks at, in the field's log format. */
    public String requirementsSummary() {
        return "status=" + status + ", has_endpoint=" + hasEndpoint() + ", service_status=" + serviceStatus;
    }
}
