package io.cmlfleet.application.refresh;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.InstanceInventory;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.InventoryBatch;
import io.cmlfleet.application.port.cloud.TelemetryBatch;
import io.cmlfleet.application.port.cloud.TelemetrySample;
import io.cmlfleet.application.port.cloud.TelemetrySource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Observes the instances of many workers of one region together: one batched describe (the adapter makes one
 * DescribeInstances per 1,000 instances and one DescribeInstanceStatus per 100) and one batched telemetry read of the
 * running ones (one GetMetricData per 500 queries), instead of one of each per worker.
 */
final class RegionObserver {

    /** Instances per batch: one DescribeInstances page. */
    static final int MAX_BATCH = 1_000;

    private static final String RUNNING = "running";

    private final InstanceInventory inventory;
    private final TelemetrySource telemetry;
    private final Duration telemetryWindow;
    private final Clock clock;

    RegionObserver(InstanceInventory inventory, TelemetrySource telemetry, Duration telemetryWindow, Clock clock) {
        this.inventory = inventory;
        this.telemetry = telemetry;
        this.telemetryWindow = telemetryWindow;
        this.clock = clock;
    }

    /** One observation per requested instance id; failures of a batched call are handed to every instance in it. */
    Map<String, CloudObservation> observe(String region, Collection<String> instanceIds) {
        Set<String> ids = new LinkedHashSet<>(instanceIds);
        Map<String, CloudObservation> observations = new HashMap<>();
        InventoryBatch batch;
        try {
            batch = inventory.describeAll(region, ids);
        } catch (CloudAccessException failure) {
            ids.forEach(id -> observations.put(id, CloudObservation.ec2Failed(failure)));
            return observations;
        }
        for (String id : ids) {
            InstanceSnapshot snapshot = batch.instances().get(id);
            observations.put(id, snapshot != null ? CloudObservation.described(snapshot)
                    : CloudObservation.ec2Failed(new CloudAccessException(CloudAccessException.Kind.UNKNOWN_INSTANCE,
                    region, "DescribeInstances", "DescribeInstances in " + region + ": instance " + id
                    + " not found")));
        }
        List<String> running = ids.stream()
                .filter(id -> batch.instances().containsKey(id)
                        && RUNNING.equals(batch.instances().get(id).stateName()))
                .toList();
        if (!running.isEmpty()) {
            sampleRunning(region, running, observations);
        }
        return observations;
    }

    private void sampleRunning(String region, List<String> running, Map<String, CloudObservation> observations) {
        Instant to = clock.instant();
        try {
            TelemetryBatch samples = telemetry.sample(region, running, to.minus(telemetryWindow), to);
            for (String id : running) {
                TelemetrySample sample = samples.samples().get(id);
                observations.computeIfPresent(id, (key, observation) -> observation.withSample(sample));
            }
        } catch (CloudAccessException failure) {
            running.forEach(id -> observations.computeIfPresent(id,
                    (key, observation) -> observation.withTelemetryFailure(failure)));
        }
    }
}
