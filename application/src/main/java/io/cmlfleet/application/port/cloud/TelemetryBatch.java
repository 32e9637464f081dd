package io.cmlfleet.application.port.cloud;

import java.util.List;
import java.util.Map;

/**
 * Telemetry for many instances of one region over one window.
 *
 * @param region      the region that was asked
 * @param samples     one sample per requested instance id (a sample without data when nothing was reported)
 * @param partialData true when the provider said some series were cut short (CloudWatch {@code PartialData});
 *                    the figures are usable but may not be the newest
 * @param messages    informational messages from the provider, if any
 */
public record TelemetryBatch(String region, Map<String, TelemetrySample> samples, boolean partialData, List<String> messages) {

    public TelemetryBatch {
        samples = Map.copyOf(samples);
        messages = List.copyOf(messages);
    }
}
