package io.cmlfleet.application.monitoring;

import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerStatus;

/** How eagerly a worker is refreshed: the one rule that turns what is known about a worker into a pace. */
public enum RefreshCadence {
    /** Something is expected to change soon: the worker is moving between states, or its service is coming up. */
    FAST,
    /** Nothing is expected to change: the worker runs with its service AVAILABLE, or it is parked. */
    NORMAL;

    /**
     * FAST while the worker is transitional (PENDING, STARTING, STOPPING, SHUTTING_DOWN), while its status is still
     * UNKNOWN (nothing observed yet, so learn it quickly), and while it is RUNNING without an AVAILABLE service
     * (waiting for CML to boot, or for it to come back). NORMAL otherwise: RUNNING+AVAILABLE, STOPPED, FAILED,
     * TERMINATED.
     */
    public static RefreshCadence of(WorkerStatus status, CmlServiceStatus serviceStatus) {
        if (status == null || status == WorkerStatus.UNKNOWN || status.isTransitional()) {
            return FAST;
        }
        if (status == WorkerStatus.RUNNING && serviceStatus != CmlServiceStatus.AVAILABLE) {
            return FAST;
        }
        return NORMAL;
    }
}
