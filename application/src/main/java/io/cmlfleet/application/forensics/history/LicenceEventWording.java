package io.cmlfleet.application.forensics.history;

import io.cmlfleet.domain.worker.LicenceOperation;
import io.cmlfleet.domain.worker.event.LicenceOperationFinished;
import io.cmlfleet.domain.worker.event.LicenceOperationRequested;

/** How {@link EventDescriber} words the licence operations; the licence vocabulary changes in one small place. */
final class LicenceEventWording {

    private LicenceEventWording() {
    }

    /** "licence registration requested by alice (reregister): new smart account". */
    static String requested(LicenceOperationRequested e) {
        return "licence " + e.operation().noun() + " requested by " + e.requestedBy()
                + (e.operation() == LicenceOperation.REGISTER && e.reregister() ? " (reregister)" : "")
                + (e.reason() == null ? "" : ": " + e.reason());
    }

    /** "licence registration by alice failed: Connection timed out ...; now FAILED/IN_COMPLIANCE". */
    static String finished(LicenceOperationFinished e) {
        String outcome = switch (e.outcome()) {
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case TIMED_OUT -> "timed out";
        };
        String now = e.registrationStatus() == null && e.authorizationStatus() == null ? ""
                : "; now " + e.registrationStatus() + "/" + e.authorizationStatus();
        return "licence " + e.operation().noun() + " by " + e.requestedBy() + " " + outcome
                + (e.message() == null ? "" : ": " + e.message()) + now;
    }
}
