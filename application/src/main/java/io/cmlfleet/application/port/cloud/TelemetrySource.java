package io.cmlfleet.application.port.cloud;

import java.time.Instant;
import java.util.Collection;

/** Reads CPU and memory utilisation of cloud instances. */
public interface TelemetrySource {

    /**
     * Reads the newest average CPU and memory utilisation of each instance within {@code [from, to)}.
     *
     * <p>The refresh engine is to pass every instance of a region in one call (the adapter batches them into as few
     * queries as CloudWatch allows); today's pipeline refreshes one worker at a time and passes its instance alone.
     *
     * @throws CloudAccessException when the provider cannot be asked or refuses
     */
    TelemetryBatch sample(String region, Collection<String> instanceIds, Instant from, Instant to);
}
