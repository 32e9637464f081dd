package io.cmlfleet.application.refresh;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.TelemetryBatch;
import io.cmlfleet.application.port.cloud.TelemetrySample;
import io.cmlfleet.application.port.cloud.TelemetrySource;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory CloudWatch: one sample per instance, an optional failure, and a call log. */
class FakeTelemetrySource implements TelemetrySource {

    final Map<String, TelemetrySample> samples = new HashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    CloudAccessException failure;

    @Override
    public TelemetryBatch sample(String region, Collection<String> instanceIds, Instant from, Instant to) {
        calls.add("sample " + region + " " + instanceIds.size());
        if (failure != null) {
            throw failure;
        }
        Map<String, TelemetrySample> found = new HashMap<>();
        instanceIds.forEach(id -> found.put(id, samples.getOrDefault(id, TelemetrySample.noData(id))));
        return new TelemetryBatch(region, found, false, List.of());
    }
}
