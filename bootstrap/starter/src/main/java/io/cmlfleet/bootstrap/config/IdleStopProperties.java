package io.cmlfleet.bootstrap.config;

import static java.util.Objects.requireNonNullElse;

import io.cmlfleet.application.lifecycle.IdleStopSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * @param enabled            the fleet-wide switch
 * @param idleAfter          how long without running nodes or user activity makes a worker idle
 * @param snoozeAfterResume  no idle stop this soon after a resume
 * @param gracePeriod        between the warning and the stop; 0 stops without a warning
 * @param maintenanceMode    whether a warning puts the controller in maintenance mode with a notice
 * @param excludedUsers      CML users whose telemetry events are not user activity
 * @param activityCategories the CML telemetry categories that count as user activity
 */
public record IdleStopProperties(Boolean enabled, Duration idleAfter, Duration snoozeAfterResume,
                                 Duration gracePeriod, Boolean maintenanceMode, List<String> excludedUsers,
                                 List<String> activityCategories) {

    private static final IdleStopSettings DEFAULTS = IdleStopSettings.defaults();

    public IdleStopProperties {
        enabled = requireNonNullElse(enabled, DEFAULTS.enabledFleetWide());
        idleAfter = requireNonNullElse(idleAfter, DEFAULTS.idleAfter());
        snoozeAfterResume = requireNonNullElse(snoozeAfterResume, DEFAULTS.snoozeAfterResume());
        gracePeriod = requireNonNullElse(gracePeriod, DEFAULTS.gracePeriod());
        maintenanceMode = requireNonNullElse(maintenanceMode, DEFAULTS.maintenanceMode());
        excludedUsers = List.copyOf(requireNonNullElse(excludedUsers, IdleStopSettings.DEFAULT_EXCLUDED_USERS));
        activityCategories = List.copyOf(requireNonNullElse(activityCategories,
                IdleStopSettings.DEFAULT_ACTIVITY_CATEGORIES));
        SettingChecks.positive("cmlfleet.idle-stop.idle-after", idleAfter);
        SettingChecks.notNegative("cmlfleet.idle-stop.snooze-after-resume", snoozeAfterResume);
        SettingChecks.notNegative("cmlfleet.idle-stop.grace-period", gracePeriod);
        if (activityCategories.stream().allMatch(String::isBlank)) {
            throw new InvalidSettingException("cmlfleet.idle-stop.activity-categories",
                    "cmlfleet.idle-stop.activity-categories must name at least one CML telemetry category");
        }
    }

    public IdleStopSettings settings() {
        return new IdleStopSettings(enabled, idleAfter, snoozeAfterResume, gracePeriod, maintenanceMode,
                Set.copyOf(excludedUsers), Set.copyOf(activityCategories));
    }
}
