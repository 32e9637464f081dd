package io.cmlfleet.application.refresh;

import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.domain.worker.CmlFacts;
import io.cmlfleet.domain.worker.RefreshGateDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refresh cycle's diagnostic log lines. Operators grep for these exact texts (documented in
 * {@code docs/monitoring.md}), so they live here, in one place, and change only with the docs. The worker id and the
 * correlation id are also in the logging MDC under {@link RefreshCorrelation#WORKER_ID} and
 * {@link RefreshCorrelation#CORRELATION_ID}.
 */
final class RefreshLog {

    static final Logger LOG = LoggerFactory.getLogger("io.cmlfleet.refresh");

    private RefreshLog() {
    }

    static void publicIp(String workerId, String publicIp, String endpoint) {
        LOG.info("Worker {} has public IP: {}, current endpoint: {}", workerId, publicIp, orNone(endpoint));
    }

    static void autoPopulated(String workerId, String endpoint) {
        LOG.info("Auto-populated HTTPS endpoint for worker {}: {}", workerId, endpoint);
    }

    static void noPublicIp(String workerId) {
        LOG.warn("Worker {} has no public IP from AWS, cannot auto-populate endpoint", workerId);
    }

    static void healthCheckStarting(String workerId, String endpoint) {
        LOG.info("Performing CML service health check for worker {} at {}", workerId, endpoint);
    }

    static void healthCheckResult(String workerId, CmlHealthReport report) {
        switch (report.status()) {
            case AVAILABLE -> LOG.info("CML service health check passed for worker {} - service marked as AVAILABLE"
                    + " (licensed={}, enterprise={})", workerId, report.licensed(), report.enterprise());
            case UNAVAILABLE -> LOG.warn("CML service not accessible for worker {}: {} - service marked as UNAVAILABLE",
                    workerId, report.error());
            default -> LOG.warn("CML service health check failed for worker {} - service returned invalid health"
                    + " status", workerId);
        }
    }

    static void cmlApiCheck(String workerId, RefreshGateDecision gate) {
        LOG.info("CML API check for worker {}: status={}, has_endpoint={}, endpoint={}, service_status={}", workerId,
                gate.status(), gate.hasEndpoint(), orNone(gate.endpoint()), gate.serviceStatus());
    }

    static void cmlApiQuerying(String workerId, String endpoint) {
        LOG.info("Attempting to query CML API for worker {} at {}", workerId, endpoint);
    }

    static void cmlApiSkipped(String workerId, RefreshGateDecision gate) {
        LOG.info("Skipping CML API query for worker {} - not meeting requirements ({})", workerId,
                gate.requirementsSummary());
    }

    static void cmlStats(String workerId, CmlFacts facts) {
        LOG.info("Worker {} CML stats: Version={}, Ready={}, Licensed={}, Nodes={}/{}, CPUs allocated={}", workerId,
                facts.version(), facts.ready(), facts.licensed(), facts.nodesRunning(), facts.nodesTotal(),
                facts.allocatedCpus());
    }

    static void stageFailed(String workerId, String stage, String code, String message) {
        LOG.warn("Refresh stage {} failed for worker {}: {} - {}", stage, workerId, code, message);
    }

    private static String orNone(String value) {
        return value == null ? "None" : value;
    }
}
