package io.cmlfleet.application.forensics;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds forensics judges a history by. The cadences must be the ones monitoring ran with
 * ({@code MonitoringSettings}): a gap is "no heartbeat for more than twice the cadence in force at the time".
 *
 * @param fastCadence            refresh interval while FAST (worker moving, or RUNNING without AVAILABLE service)
 * @param normalCadence          refresh interval while NORMAL (RUNNING+AVAILABLE, or parked)
 * @param flappingChanges        this many status (or service) changes ...
 * @param flappingWindow         ... within this long count as flapping
 * @param stuckAfter             a transitional status (PENDING, STARTING, STOPPING, SHUTTING_DOWN) held longer is stuck
 * @param requestedStopWindow    a stop is "from cmlfleet" when a STOP/TERMINATE was requested this long before
 * @param fleetScanSlack         how far the fleet scan starts before the window and reads past its end, because
 *                               events of different nodes are not stored in strict timestamp order
 * @param fleetTimelineMaxEntries hard upper bound for one fleet timeline, whatever limit the caller asks
 */
public record ForensicsSettings(
        Duration fastCadence,
        Duration normalCadence,
        int flappingChanges,
        Duration flappingWindow,
        Duration stuckAfter,
        Duration requestedStopWindow,
        Duration fleetScanSlack,
        int fleetTimelineMaxEntries) {

    public ForensicsSettings {
        Objects.requireNonNull(fastCadence, "fastCadence");
        Objects.requireNonNull(normalCadence, "normalCadence");
        Objects.requireNonNull(flappingWindow, "flappingWindow");
        Objects.requireNonNull(stuckAfter, "stuckAfter");
        Objects.requireNonNull(requestedStopWindow, "requestedStopWindow");
        Objects.requireNonNull(fleetScanSlack, "fleetScanSlack");
        if (flappingChanges < 2) {
            throw new IllegalArgumentException("flappingChanges must be at least 2, was " + flappingChanges);
        }
        if (fleetTimelineMaxEntries < 1) {
            throw new IllegalArgumentException("fleetTimelineMaxEntries must be positive");
        }
    }

    /** Monitoring's defaults (fast 30 s, normal 300 s); 4 changes in 10 min flap; 15 min stuck; 10 min stop window. */
    public static ForensicsSettings defaults() {
        return new ForensicsSettings(Duration.ofSeconds(30), Duration.ofSeconds(300), 4, Duration.ofMinutes(10),
                Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofMinutes(1), 10_000);
    }

    public ForensicsSettings withCadences(Duration fast, Duration normal) {
        return new ForensicsSettings(fast, normal, flappingChanges, flappingWindow, stuckAfter, requestedStopWindow,
                fleetScanSlack, fleetTimelineMaxEntries);
    }
}
