package io.cmlfleet.application.operations;

import java.time.Duration;

/**
 * One progress report of a projection rebuild.
 *
 * @param processingGroup  the group being rebuilt
 * @param position         the lowest position over the processor's segments (-1: nothing handled yet)
 * @param headPosition     the head of the event store now
 * @param targetPosition   the head when the rebuild started: reaching it means caught up
 * @param percent          position relative to the target, 0–100
 * @param eventsPerSecond  positions replayed per second since the start
 * @param elapsed          time since the rebuild started
 */
public record RebuildProgress(String processingGroup, long position, long headPosition, long targetPosition,
                              double percent, double eventsPerSecond, Duration elapsed) {
}
