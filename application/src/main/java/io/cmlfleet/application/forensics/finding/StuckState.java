package io.cmlfleet.application.forensics.finding;

import io.cmlfleet.domain.worker.WorkerStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * A transitional status (PENDING, STARTING, STOPPING, SHUTTING_DOWN) held longer than the threshold.
 *
 * @param status   the status
 * @param since    when the worker entered it
 * @param until    when it left it, or the end of the window / last event ({@code ongoing})
 * @param duration {@code until - since}
 * @param ongoing  whether it had not left the status by the end of the window
 */
public record StuckState(WorkerStatus status, Instant since, Instant until, Duration duration, boolean ongoing)
        implements Finding {
}
