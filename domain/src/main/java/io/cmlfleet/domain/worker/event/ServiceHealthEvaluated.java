package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.CmlServiceStatus;
import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * A CML health check gave a result that differs from what was known (status, validity, licence, error or blockers).
 * Revision 2 added {@code blockers}; a revision 1 event reads with {@code blockers} null ("not examined"), so no
 * upcaster is needed.
 */
@Revision("2")
public record ServiceHealthEvaluated(
        String workerId,
        String endpoint,
        CmlServiceStatus previousStatus,
        CmlServiceStatus newStatus,
        boolean valid,
        Boolean licensed,
        Boolean enterprise,
        String error,
        long latencyMillis,
        Instant evaluatedAt,
        List<String> blockers) implements WorkerEvent {

    public ServiceHealthEvaluated {
        blockers = blockers == null ? null : List.copyOf(blockers);
    }

    /** An evaluation that did not examine whether the controller can run labs (revision 1's shape). */
    public ServiceHealthEvaluated(String workerId, String endpoint, CmlServiceStatus previousStatus,
                                  CmlServiceStatus newStatus, boolean valid, Boolean licensed, Boolean enterprise,
                                  String error, long latencyMillis, Instant evaluatedAt) {
        this(workerId, endpoint, previousStatus, newStatus, valid, licensed, enterprise, error, latencyMillis,
                evaluatedAt, null);
    }

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
