package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.RefreshStage;
import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A stage of the refresh cycle failed; later stages still ran where they could.
 */
@Revision("1")
public record RefreshFailed(
        String workerId,
        RefreshStage stage,
        String errorCode,
        String message,
        Instant failedAt) implements WorkerEvent {
}
