package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.event.LicenceOperationFinished;
import io.cmlfleet.domain.worker.event.LicenceOperationRequested;
import io.cmlfleet.domain.worker.event.LicenceStateChanged;

/**
 * What a worker knows of its controller's licence, as the fold of the licence events: the last licence check and
 * the last licence operation. Immutable, so that {@link WorkerState} and its snapshot can share it; kept apart from
 * {@code WorkerState} so that the licence vocabulary has one small home.
 *
 * @param lastCheck     the last recorded licence state; null before the first
 * @param lastRequest   the last licence operation requested; null before the first
 * @param lastOperation how the last finished licence operation ended; null before the first
 */
public record KnownLicence(LicenceStateChanged lastCheck, LicenceOperationRequested lastRequest,
                           LicenceOperationFinished lastOperation) {

    public static final KnownLicence NONE = new KnownLicence(null, null, null);

    /** Whether the last requested operation has not finished yet (or its end was never recorded). */
    public boolean operationPending() {
        return lastRequest != null && (lastOperation == null
                || lastOperation.finishedAt().isBefore(lastRequest.requestedAt()));
    }

    public KnownLicence on(LicenceStateChanged event) {
        return new KnownLicence(event, lastRequest, lastOperation);
    }

    public KnownLicence on(LicenceOperationRequested event) {
        return new KnownLicence(lastCheck, event, lastOperation);
    }

    public KnownLicence on(LicenceOperationFinished event) {
        return new KnownLicence(lastCheck, lastRequest, event);
    }
}
