package io.cmlfleet.domain.worker.command;

import io.cmlfleet.domain.worker.LabAction;
import io.cmlfleet.domain.worker.LabFacts;
import io.cmlfleet.domain.worker.LabOutcome;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record how a lab action, prepared by {@link PrepareLabAction}, ended. */
public record RecordLabAction(
        @TargetAggregateIdentifier String workerId,
        LabAction action,
        String labId,
        String labTitle,
        String requestedBy,
        String reason,
        LabOutcome outcome,
        LabFacts lab,
        String errorCode,
        String message,
        Instant performedAt) {
}
