package io.cmlfleet.application.forensics.finding;

import java.time.Duration;
import java.time.Instant;

/**
 * No {@code RefreshCompleted} (the monitoring heartbeat) for more than twice the cadence in force at the time.
 *
 * @param start           the last heartbeat before the gap (or the worker's creation)
 * @param end             the next heartbeat, or the end of the window when none came ({@code ongoing})
 * @param length          {@code end - start}
 * @param expectedCadence the refresh interval that applied at {@code start}
 * @param ongoing         whether no heartbeat came until the end of the window
 */
public record MonitoringGap(Instant start, Instant end, Duration length, Duration expectedCadence, boolean ongoing)
        implements Finding {
}
