package io.cmlfleet.application.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Idle detection: warn, then stop, RUNNING workers whose CML has had no running nodes and no user activity for
 * {@code idleAfter}.
 *
 * @param enabledFleetWide   the fleet-wide switch (off by default: stopping labs is a decision a team makes)
 * @param idleAfter          how long without running nodes or user activity makes a worker idle (default 60 min)
 * @param snoozeAfterResume  how long after each resume idle stopping stays off (default 30 min)
 * @param gracePeriod        between the warning and the stop (default 15 min; zero stops without a warning)
 * @param maintenanceMode    whether a warning puts the controller in maintenance mode with a notice (default on)
 * @param excludedUsers      CML users whose telemetry events are not user activity (default the service users)
 * @param activityCategories the telemetry categories that are a user's doing
 */
public record IdleStopSettings(boolean enabledFleetWide, Duration idleAfter, Duration snoozeAfterResume,
                               Duration gracePeriod, boolean maintenanceMode, Set<String> excludedUsers,
                               Set<String> activityCategories) {

    /** CML's own service accounts: their node and lab events are the controller's housekeeping, not a user's. */
    public static final List<String> DEFAULT_EXCLUDED_USERS = List.of("virl2", "system", "cml2", "root");

    /** The telemetry categories of what users do to labs and nodes, as CML Cloud Manager counts them. */
    public static final List<String> DEFAULT_ACTIVITY_CATEGORIES = List.of("start_lab", "stop_lab", "wipe_lab",
            "start_node", "stop_node", "queue_node", "boot_node", "wipe_node", "import_lab", "export_lab",
            "create_lab", "user_activity");

    public IdleStopSettings {
        excludedUsers = lowerCase(excludedUsers);
        activityCategories = lowerCase(activityCategories);
    }

    /** As before warnings existed: stop at once, no maintenance mode, the default telemetry filters. */
    public IdleStopSettings(boolean enabledFleetWide, Duration idleAfter, Duration snoozeAfterResume) {
        this(enabledFleetWide, idleAfter, snoozeAfterResume, Duration.ZERO, false, Set.copyOf(DEFAULT_EXCLUDED_USERS),
                Set.copyOf(DEFAULT_ACTIVITY_CATEGORIES));
    }

    public static IdleStopSettings defaults() {
        return new IdleStopSettings(false, Duration.ofMinutes(60), Duration.ofMinutes(30), Duration.ofMinutes(15),
                true, Set.copyOf(DEFAULT_EXCLUDED_USERS), Set.copyOf(DEFAULT_ACTIVITY_CATEGORIES));
    }

    private static Set<String> lowerCase(Set<String> names) {
        return names == null ? Set.of() : names.stream().map(String::strip).filter(name -> !name.isEmpty())
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
