package io.cmlfleet.application.forensics.finding;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch during which the worker was RUNNING but had no HTTPS endpoint, so neither the health check nor the CML
 * query could run.
 *
 * @param since    when it began (RUNNING without endpoint)
 * @param until    when it ended (endpoint set, or the worker left RUNNING), or the end of the window ({@code ongoing})
 * @param duration {@code until - since}
 * @param cause    e.g. {@code no public IP}
 * @param ongoing  whether it lasted until the end of the window
 */
public record EndpointlessRun(Instant since, Instant until, Duration duration, String cause, boolean ongoing)
        implements Finding {
}
