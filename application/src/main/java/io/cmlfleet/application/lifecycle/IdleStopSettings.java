package io.cmlfleet.application.lifecycle;

import java.time.Duration;

/**
 * Idle detection: stop RUNNING workers whose CML has had no running nodes for {@code idleAfter}.
 *
 * @param enabledFleetWide  the fleet-wide switch (off by default: stopping labs is a decision a team makes)
 * @param idleAfter         how long without running nodes makes a worker idle (default 60 min)
 * @param snoozeAfterResume how long after each resume idle stopping stays off (default 30 min)
 */
public record IdleStopSettings(boolean enabledFleetWide, Duration idleAfter, Duration snoozeAfterResume) {

    public static IdleStopSettings defaults() {
        return new IdleStopSettings(false, Duration.ofMinutes(60), Duration.ofMinutes(30));
    }
}
