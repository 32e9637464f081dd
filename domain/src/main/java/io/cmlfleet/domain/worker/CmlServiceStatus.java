package io.cmlfleet.domain.worker;

/** Whether the CML controller on a worker answers its health endpoint, as decided by the last health check. */
public enum CmlServiceStatus {
    /** Not reachable: refused, timed out, TLS failure, 5xx, or the worker is not running. */
    UNAVAILABLE,
    /** Reachable, but still booting (reserved for controllers that report a starting phase). */
    STARTING,
    /** Reachable and {@code system_health} reported {@code valid: true}. */
    AVAILABLE,
    /** Reachable, but {@code system_health} reported an invalid state, or the controller cannot run labs. */
    ERROR;

    /** The one rule that turns a health-check outcome into a service status. */
    public static CmlServiceStatus fromHealthCheck(boolean reachable, boolean valid) {
        if (!reachable) {
            return UNAVAILABLE;
        }
        return valid ? AVAILABLE : ERROR;
    }

    /**
     * The same rule with what keeps a valid controller from running labs ({@link ControllerReadinessRule}): a
     * controller that answers but cannot start nodes is ERROR, not AVAILABLE.
     */
    public static CmlServiceStatus fromHealthCheck(boolean reachable, boolean valid, java.util.List<String> blockers) {
        return fromHealthCheck(reachable, valid && (blockers == null || blockers.isEmpty()));
    }
}
