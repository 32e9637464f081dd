package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.RefreshStage;
import java.time.Instant;
import java.util.Set;

import org.axonframework.serialization.Revision;

/**
 * A stage of the refresh cycle failed; later stages still ran where they could.
 *
 * <p>Revision 2 added {@code retryable}: whether the failure is transient (the next refresh may well succeed) or
 * needs a person (credentials, certificates, malformed answers). Revision 1 streams are upcast with
 * {@link #isRetryableErrorCode(String)}.
 */
@Revision("2")
public record RefreshFailed(
        String workerId,
        RefreshStage stage,
        String errorCode,
        String message,
        boolean retryable,
        Instant failedAt) implements WorkerEvent {

    /** Error codes that describe a transient condition: throttling, rate limits, no answer (yet). */
    public static final Set<String> RETRYABLE_ERROR_CODES = Set.of("THROTTLED", "RATE_LIMITED", "UNREACHABLE",
            "TIMEOUT");

    /** The one rule for {@code retryable}, used by the aggregate and by the revision 1 upcaster. */
    public static boolean isRetryableErrorCode(String errorCode) {
        return errorCode != null && RETRYABLE_ERROR_CODES.contains(errorCode);
    }

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
