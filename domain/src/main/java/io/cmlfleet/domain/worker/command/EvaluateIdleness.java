package io.cmlfleet.domain.worker.command;

import io.cmlfleet.domain.worker.UserActivity;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Decide whether a RUNNING worker has been without lab activity for long enough to be warned, and after the grace
 * period stopped. The policy's settings travel with the command so that the decision, and the numbers it was taken
 * on, land in the history.
 *
 * @param idleAfter         how long without running nodes or user activity makes a worker idle
 * @param snoozeAfterResume after each resume (becoming RUNNING), how long idle stopping stays off
 * @param enabledFleetWide  the fleet-wide switch
 * @param evaluatedAt       the time of the evaluation
 * @param gracePeriod       between the warning and the stop; zero stops without a warning
 * @param maintenanceMode   whether a warning puts the controller in maintenance mode with a notice
 * @param lastActivity      the latest user activity CML's telemetry showed, or null when none was read
 */
public record EvaluateIdleness(
        @TargetAggregateIdentifier String workerId,
        Duration idleAfter,
        Duration snoozeAfterResume,
        boolean enabledFleetWide,
        Instant evaluatedAt,
        Duration gracePeriod,
        boolean maintenanceMode,
        UserActivity lastActivity) {

    /** Without grace (stop at once), maintenance mode or telemetry: idleness from running nodes alone. */
    public EvaluateIdleness(String workerId, Duration idleAfter, Duration snoozeAfterResume, boolean enabledFleetWide,
                            Instant evaluatedAt) {
        this(workerId, idleAfter, snoozeAfterResume, enabledFleetWide, evaluatedAt, Duration.ZERO, false, null);
    }
}
