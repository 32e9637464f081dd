package io.cmlfleet.domain.worker.command;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Decide whether a RUNNING worker has been without lab activity for long enough to be stopped. The policy's
 * settings travel with the command so that the decision, and the numbers it was taken on, land in the history.
 *
 * @param idleAfter        how long without running nodes makes a worker idle
 * @param snoozeAfterResume after each resume (becoming RUNNING), how long idle stopping stays off
 * @param enabledFleetWide the fleet-wide switch
 * @param evaluatedAt      the time of the evaluation
 */
public record EvaluateIdleness(
        @TargetAggregateIdentifier String workerId,
        Duration idleAfter,
        Duration snoozeAfterResume,
        boolean enabledFleetWide,
        Instant evaluatedAt) {
}
