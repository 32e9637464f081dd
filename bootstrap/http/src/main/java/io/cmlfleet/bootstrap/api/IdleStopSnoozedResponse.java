package io.cmlfleet.bootstrap.api;

import java.time.Instant;

/** Answer of a snooze: until when the worker is neither warned nor stopped for idleness. */
public record IdleStopSnoozedResponse(String workerId, Instant until, String snoozedBy) {
}
