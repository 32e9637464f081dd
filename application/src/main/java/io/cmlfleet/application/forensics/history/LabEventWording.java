package io.cmlfleet.application.forensics.history;

import io.cmlfleet.domain.worker.LabFacts;
import io.cmlfleet.domain.worker.LabOutcome;
import io.cmlfleet.domain.worker.event.LabActionRecorded;
import io.cmlfleet.domain.worker.event.LabInventoryChanged;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How {@link EventDescriber} words the lab events; kept apart so the lab vocabulary changes in one small place. */
final class LabEventWording {

    private LabEventWording() {
    }

    /** "lab 'CCIE' 6db4... stopped by alice: end of class; now STOPPED", or "... stop by alice failed: ...". */
    static String labActionRecorded(LabActionRecorded e) {
        String lab = "lab " + (e.labTitle() == null ? "" : "'" + e.labTitle() + "' ")
                + (e.labId() == null ? "(no id)" : e.labId());
        String why = e.reason() == null ? "" : ": " + e.reason();
        if (e.outcome() == LabOutcome.FAILED) {
            return lab + " " + e.action().lowerCase() + " by " + e.requestedBy() + " failed: " + e.errorCode()
                    + " - " + e.message() + why;
        }
        return lab + " " + e.action().pastTense() + " by " + e.requestedBy() + why
                + (e.lab() == null || e.lab().state() == null ? "" : "; now " + e.lab().state());
    }

    /** "labs listed: 3 (STARTED 2, STOPPED 1)". */
    static String labInventoryChanged(LabInventoryChanged e) {
        Map<String, Long> byState = e.labs().stream().collect(Collectors.groupingBy(
                lab -> lab.state() == null ? "unknown" : lab.state(), TreeMap::new, Collectors.counting()));
        String states = byState.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        return "labs listed: " + e.labs().size() + (states.isEmpty() ? "" : " (" + states + ")")
                + titles(e);
    }

    /** "licence COMPLETED/IN_COMPLIANCE CML_Enterprise; 1 issue: last authorization renewal failed ...". */
    static String licenceStateChanged(io.cmlfleet.domain.worker.event.LicenceStateChanged e) {
        String head = "licence " + e.licence().registrationStatus() + "/" + e.licence().authorizationStatus()
                + (e.licence().productLicense() == null ? "" : " " + e.licence().productLicense());
        if (e.issues().isEmpty()) {
            return head + "; no issues within " + e.horizon() + " days";
        }
        return head + "; " + e.issues().size() + (e.issues().size() == 1 ? " issue: " : " issues: ")
                + e.issues().stream().map(i -> i.kind() + " (" + i.detail() + ")").collect(Collectors.joining("; "));
    }

    private static String titles(LabInventoryChanged e) {
        if (e.labs().isEmpty() || e.labs().size() > 5) {
            return "";
        }
        return " - " + e.labs().stream().map(LabFacts::title).map(t -> t == null ? "untitled" : "'" + t + "'")
                .collect(Collectors.joining(", "));
    }
}
