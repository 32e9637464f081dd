package io.cmlfleet.application.port.cml;

import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.ControllerReadiness;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one health evaluation of a CML controller. Always produced, even when the controller
 * could not be reached: {@code error} then says why.
 *
 * @param status     {@link CmlServiceStatus#fromHealthCheck(boolean, boolean)} of {@code reachable} and {@code valid}
 * @param reachable  the controller answered over HTTPS with something other than a 5xx
 * @param valid      {@code system_health} reported {@code valid: true}
 * @param licensed   {@code system_health.is_licensed}; null when unknown (not reported, or not reached)
 * @param enterprise {@code system_health.is_enterprise}; null when unknown
 * @param error      short reason when not AVAILABLE (e.g. "timeout: ..."), null otherwise
 * @param latency    wall-clock time the evaluation took
 * @param readiness  what the controller said about its computes, its own checks and its launch queue; null when the
 *                   check did not get that far. The aggregate judges it ({@code ControllerReadinessRule}): a valid
 *                   controller that cannot run labs is recorded as ERROR
 * @param information the {@code system_information} the check read on its way, or null when it read none: the refresh
 *                   that follows takes it instead of asking the controller a second time
 */
public record CmlHealthReport(
        CmlServiceStatus status,
        boolean reachable,
        boolean valid,
        Boolean licensed,
        Boolean enterprise,
        String error,
        Duration latency,
        ControllerReadiness readiness,
        CmlSystemInformation information) {

    public CmlHealthReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(latency, "latency");
    }

    /** A report that kept no system information. */
    public CmlHealthReport(CmlServiceStatus status, boolean reachable, boolean valid, Boolean licensed,
                           Boolean enterprise, String error, Duration latency, ControllerReadiness readiness) {
        this(status, reachable, valid, licensed, enterprise, error, latency, readiness, null);
    }

    /** A report without readiness facts. */
    public CmlHealthReport(CmlServiceStatus status, boolean reachable, boolean valid, Boolean licensed,
                           Boolean enterprise, String error, Duration latency) {
        this(status, reachable, valid, licensed, enterprise, error, latency, null, null);
    }
}
