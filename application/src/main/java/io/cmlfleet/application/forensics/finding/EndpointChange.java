package io.cmlfleet.application.forensics.finding;

import io.cmlfleet.domain.worker.EndpointSource;
import java.time.Instant;

/**
 * The HTTPS endpoint was set or removed.
 *
 * @param at       when
 * @param change   {@code populated} or {@code cleared}
 * @param endpoint the endpoint set or removed
 * @param source   AUTO or MANUAL
 * @param detail   who set it, or why it was cleared
 */
public record EndpointChange(Instant at, String change, String endpoint, EndpointSource source, String detail)
        implements Finding {
}
