package io.cmlfleet.application.forensics.finding;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the worker took from its creation ({@code WorkerCreated}) to the first AVAILABLE CML service.
 *
 * @param createdAt        when the worker was created, or {@code null} when the history does not start with it
 * @param firstAvailableAt the first health check that found AVAILABLE, or {@code null}: never available
 * @param duration         the time between, or {@code null}
 */
public record LaunchToAvailable(Instant createdAt, Instant firstAvailableAt, Duration duration) implements Finding {

    public boolean reached() {
        return firstAvailableAt != null;
    }
}
