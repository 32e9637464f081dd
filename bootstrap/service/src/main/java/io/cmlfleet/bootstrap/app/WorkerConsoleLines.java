package io.cmlfleet.bootstrap.app;

import io.cmlfleet.application.readmodel.query.LabView;
import io.cmlfleet.application.readmodel.query.WorkerSummary;
import io.cmlfleet.application.text.SafeText;
import io.cmlfleet.domain.worker.LicenceFacts;
import io.cmlfleet.domain.worker.LicenceIssue;
import io.cmlfleet.domain.worker.event.LicenceStateChanged;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One console line per worker for the fleet report: status, service (with the reason of an ERROR), its labs by state
 * and its licence. Format: {@code Worker sim-1 RUNNING | service AVAILABLE | labs 3 (STARTED 2, STOPPED 1) | licence
 * registration COMPLETED, authorization IN_COMPLIANCE: AUTHORIZATION_EXPIRED, RENEWAL_FAILED}. Every stored text is
 * printed through {@link SafeText}, so a hostile lab title or CML message cannot forge lines.
 */
final class WorkerConsoleLines {

    private WorkerConsoleLines() {
    }

    /**
     * @param lastHealth  the worker's last recorded health evaluation, or null
     * @param lastLicence its last recorded licence check, or null
     */
    static String line(WorkerSummary worker, List<LabView> labs, ServiceHealthEvaluated lastHealth,
                       LicenceStateChanged lastLicence) {
        return "Worker " + SafeText.line(worker.workerId()) + " " + worker.status()
                + " | service " + service(worker, lastHealth)
                + " | labs " + labs(labs)
                + " | licence " + licence(worker, lastLicence);
    }

    private static String service(WorkerSummary worker, ServiceHealthEvaluated lastHealth) {
        boolean explained = lastHealth != null && lastHealth.newStatus() == worker.serviceStatus()
                && lastHealth.error() != null && worker.serviceStatus() != io.cmlfleet.domain.worker.CmlServiceStatus.AVAILABLE;
        return worker.serviceStatus() + (explained ? " (" + SafeText.line(lastHealth.error()) + ")" : "");
    }

    static String labs(List<LabView> labs) {
        if (labs.isEmpty()) {
            return "none";
        }
        Map<String, Long> byState = labs.stream().collect(Collectors.groupingBy(
                lab -> lab.state() == null ? "UNKNOWN" : SafeText.line(lab.state()), TreeMap::new,
                Collectors.counting()));
        return labs.size() + " (" + byState.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    static String licence(WorkerSummary worker, LicenceStateChanged lastLicence) {
        if (lastLicence == null || lastLicence.licence() == null) {
            return Boolean.FALSE.equals(worker.licensed()) ? "not licensed" : "not checked yet";
        }
        LicenceFacts facts = lastLicence.licence();
        String state = "registration " + text(facts.registrationStatus()) + ", authorization "
                + text(facts.authorizationStatus());
        List<LicenceIssue> issues = lastLicence.issues() == null ? List.of() : lastLicence.issues();
        return issues.isEmpty() ? state + ", no issue"
                : state + ": " + issues.stream().map(issue -> issue.kind().name()).distinct()
                        .collect(Collectors.joining(", "));
    }

    private static String text(String value) {
        return value == null ? "unknown" : SafeText.line(value);
    }
}
