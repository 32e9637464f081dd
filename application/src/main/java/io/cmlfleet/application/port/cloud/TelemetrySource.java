package io.cmlfleet.application.port.cloud;

import java.time.Instant;
import java.util.Collection;

/** Reads CPU and memory utilisation of cloud instances. */
public interface TelemetrySource {

    /**
     * Reads the newest average CPU and memory utilisation of each instance within {@code [from, to)}.
     *
     * @throws CloudAccessException when the provider cannot be asked or refuses
     */
    TelemetryBatch sample(String region, Collection<String> instanceIds, Instant from, Instant to);
}
