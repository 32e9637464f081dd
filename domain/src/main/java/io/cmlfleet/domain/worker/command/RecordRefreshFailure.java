package io.cmlfleet.domain.worker.command;

import io.cmlfleet.domain.worker.RefreshStage;
import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a stage of the refresh cycle failed, with a machine-readable code and an operator message. */
public record RecordRefreshFailure(
        @TargetAggregateIdentifier String workerId,
        RefreshStage stage,
        String errorCode,
        String message,
        Instant failedAt) {
}
