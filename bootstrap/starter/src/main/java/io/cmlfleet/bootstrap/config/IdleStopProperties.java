package io.cmlfleet.bootstrap.config;

import static java.util.Objects.requireNonNullElse;

import io.cmlfleet.application.lifecycle.IdleStopSettings;
import java.time.Duration;

/**
 * @param enabled           the fleet-wide switch
 * @param idleAfter         how long without running nodes makes a worker idle
 * @param snoozeAfterResume no idle stop this soon after a resume
 */
public record IdleStopProperties(Boolean enabled, Duration idleAfter, Duration snoozeAfterResume) {

    private static final IdleStopSettings DEFAULTS = IdleStopSettings.defaults();

    public IdleStopProperties {
        enabled = requireNonNullElse(enabled, DEFAULTS.enabledFleetWide());
        idleAfter = requireNonNullElse(idleAfter, DEFAULTS.idleAfter());
        snoozeAfterResume = requireNonNullElse(snoozeAfterResume, DEFAULTS.snoozeAfterResume());
        SettingChecks.positive("cmlfleet.idle-stop.idle-after", idleAfter);
        SettingChecks.notNegative("cmlfleet.idle-stop.snooze-after-resume", snoozeAfterResume);
    }

    public IdleStopSettings settings() {
        return new IdleStopSettings(enabled, idleAfter, snoozeAfterResume);
    }
}
