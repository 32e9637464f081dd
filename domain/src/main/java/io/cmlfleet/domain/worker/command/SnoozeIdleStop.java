package io.cmlfleet.domain.worker.command;

import java.time.Duration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Postpone idle stopping of this worker for {@code duration} from now (1 minute to 7 days): no warning and no stop
 * until then; a pending warning is withdrawn at the next evaluation.
 */
public record SnoozeIdleStop(
        @TargetAggregateIdentifier String workerId,
        Duration duration,
        String snoozedBy,
        String reason) {
}
