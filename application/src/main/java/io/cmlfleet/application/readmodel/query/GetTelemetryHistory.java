package io.cmlfleet.application.readmodel.query;

import java.time.Instant;
import java.util.Objects;

/**
 * The telemetry samples of one worker with {@code from <= sampledAt < to}, oldest first, answered with a
 * {@link TelemetryHistory}. Half-open so that consecutive windows neither overlap nor leave gaps.
 */
public record GetTelemetryHistory(String workerId, Instant from, Instant to) {

    public GetTelemetryHistory {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("Invalid window: from " + from + " must be before to " + to);
        }
    }
}
