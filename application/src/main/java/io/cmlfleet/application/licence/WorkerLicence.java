package io.cmlfleet.application.licence;

import io.cmlfleet.domain.worker.KnownLicence;
import io.cmlfleet.domain.worker.LicenceFacts;
import io.cmlfleet.domain.worker.LicenceIssue;
import io.cmlfleet.domain.worker.event.LicenceOperationFinished;
import io.cmlfleet.domain.worker.event.LicenceOperationRequested;
import java.time.Instant;
import java.util.List;

/**
 * A worker's licence as its history knows it: the last check and the last operation.
 *
 * @param licence          the licence at the last recorded check; null before the first
 * @param issues           what needed attention at that check
 * @param checkedAt        when that check was made
 * @param lastRequest      the last licence operation requested; null before the first
 * @param lastOperation    how the last finished one ended; null before the first
 * @param operationPending whether the last requested operation has no recorded end yet
 */
public record WorkerLicence(String workerId, LicenceFacts licence, List<LicenceIssue> issues, Instant checkedAt,
                            LicenceOperationRequested lastRequest, LicenceOperationFinished lastOperation,
                            boolean operationPending) {

    public WorkerLicence {
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    static WorkerLicence of(String workerId, KnownLicence known) {
        var check = known.lastCheck();
        return new WorkerLicence(workerId, check == null ? null : check.licence(),
                check == null ? List.of() : check.issues(), check == null ? null : check.observedAt(),
                known.lastRequest(), known.lastOperation(), known.operationPending());
    }
}
