package io.cmlfleet.domain.worker.command;

import io.cmlfleet.domain.worker.LifecycleAction;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that EC2 refused or failed a requested start, stop or terminate. */
public record RecordLifecycleActionFailure(
        @TargetAggregateIdentifier String workerId,
        LifecycleAction action,
        String errorCode,
        String message,
        Instant failedAt) {
}
