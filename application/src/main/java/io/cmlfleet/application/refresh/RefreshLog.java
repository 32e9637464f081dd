package io.cmlfleet.application.refresh;

import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.domain.worker.CmlFacts;
import io.cmlfleet.domain.worker.RefreshGateDecision;
import io.cmlfleet.application.text.SafeText;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refresh cycle's diagnostic log lines. Operators grep for these exact texts (documented in
 * {@code docs/monitoring.md}), so they live here, in one place, and change only with the docs. The worker id and the
 * correlation id are also in the logging MDC under {@link RefreshCorrelation#WORKER_ID} and
 * {@link RefreshCorrelation#CORRELATION_ID}.
 *
 * <p>Ids, endpoints, versions and controller messages are foreign text: each passes {@link SafeText#line} (through
 * {@link #s}), so none can forge a log line or send a terminal escape.
 */
final class RefreshLog {

    static final Logger LOG = LoggerFactory.getLogger("io.cmlfleet.refresh");

    private RefreshLog() {
    }

    static void publicIp(String workerId, String publicIp, String endpoint) {
        LOG.info("Worker {} has public IP: {}, current endpoint: {}", s(workerId), s(publicIp), s(orNone(endpoint)));
    }

    static void autoPopulated(String workerId, String endpoint) {
        LOG.info("Auto-populated HTTPS endpoint for worker {}: {}", s(workerId), s(endpoint));
    }

    static void noPublicIp(String workerId) {
        LOG.warn("Worker {} has no public IP from AWS, cannot auto-populate endpoint", s(workerId));
    }

    static void healthCheckStarting(String workerId, String endpoint) {
        LOG.info("Performing CML service health check for worker {} at {}", s(workerId), s(endpoint));
    }

    static void healthCheckResult(String workerId, CmlHealthReport report) {
        switch (report.status()) {
            case AVAILABLE -> LOG.info("CML service health check passed for worker {} - service marked as AVAILABLE"
                    + " (licensed={}, enterprise={})", s(workerId), report.licensed(), report.enterprise());
            case UNAVAILABLE -> LOG.warn("CML service not accessible for worker {}: {} - service marked as UNAVAILABLE",
                    s(workerId), s(report.error()));
            default -> LOG.warn("CML service health check failed for worker {} - service returned invalid health"
                    + " status", s(workerId));
        }
    }

    static void cmlApiCheck(String workerId, RefreshGateDecision gate) {
        LOG.info("CML API check for worker {}: status={}, has_endpoint={}, endpoint={}, service_status={}", s(workerId),
                gate.status(), gate.hasEndpoint(), s(orNone(gate.endpoint())), gate.serviceStatus());
    }

    static void cmlApiQuerying(String workerId, String endpoint) {
        LOG.info("Attempting to query CML API for worker {} at {}", s(workerId), s(endpoint));
    }

    static void cmlApiSkipped(String workerId, RefreshGateDecision gate) {
        LOG.info("Skipping CML API query for worker {} - not meeting requirements ({})", s(workerId),
                gate.requirementsSummary());
    }

    static void cmlStats(String workerId, CmlFacts facts) {
        LOG.info("Worker {} CML stats: Version={}, Ready={}, Licensed={}, Nodes={}/{}, CPUs allocated={}", s(workerId),
                s(facts.version()), facts.ready(), facts.licensed(), facts.nodesRunning(), facts.nodesTotal(),
                facts.allocatedCpus());
    }

    static void stageFailed(String workerId, String stage, String code, String message) {
        LOG.warn("Refresh stage {} failed for worker {}: {} - {}", stage, s(workerId), s(code), s(message));
    }

    static void movedToSlowLane(String workerId, Duration took, Duration slowAfter) {
        LOG.info("Worker {} moved to the slow controller lane: its controller took {} s (more than {} s)",
                s(workerId), seconds(took), seconds(slowAfter));
    }

    static void backInRegularLane(String workerId, Duration took) {
        LOG.info("Worker {} is back in the regular controller lane: its controller answered in {} s", s(workerId),
                seconds(took));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    private static String s(String value) {
        return SafeText.line(value);
    }

    private static String orNone(String value) {
        return value == null ? "None" : value;
    }
}
