package io.cmlfleet.application.operations;

import java.time.Duration;
import java.time.Instant;

/**
 * How a projection rebuild went.
 *
 * @param processingGroup the group rebuilt
 * @param startedAt       when the processor was shut down for the reset
 * @param finishedAt      when it had caught up (or the rebuild gave up)
 * @param targetPosition  the head of the store when the rebuild started
 * @param finalPosition   the processor's lowest segment position at the end
 * @param segments        how many segments the processor tracks
 * @param caughtUp        whether it reached the target
 * @param eventsPerSecond average replay speed
 * @param elapsed         {@code finishedAt - startedAt}
 * @param error           why it stopped early (processor in error, timeout), or {@code null}
 */
public record RebuildSummary(String processingGroup, Instant startedAt, Instant finishedAt, long targetPosition,
                             long finalPosition, int segments, boolean caughtUp, double eventsPerSecond,
                             Duration elapsed, String error) {
}
