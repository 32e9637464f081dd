package io.cmlfleet.bootstrap.host;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.InstanceInventory;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.InventoryBatch;
import io.cmlfleet.application.port.cloud.StatusCheck;
import io.cmlfleet.application.port.cloud.TelemetryBatch;
import io.cmlfleet.application.port.cloud.TelemetrySample;
import io.cmlfleet.application.port.cloud.TelemetrySource;
import io.cmlfleet.application.port.cml.CmlControllerClient;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlLabs;
import io.cmlfleet.application.port.cml.CmlLicensing;
import io.cmlfleet.application.port.cml.CmlSystemInformation;
import io.cmlfleet.application.port.cml.CmlSystemStats;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A host's own port implementations: proves that every cmlfleet bean can be replaced. Every instance is running with
 * a public IP, and every controller healthy.
 */
public class InMemoryCloud implements InstanceInventory, TelemetrySource, CmlControllerClient {

    final Map<String, String> publicIps = new ConcurrentHashMap<>();

    @Override
    public InventoryBatch describeAll(String region, Collection<String> instanceIds) {
        Map<String, InstanceSnapshot> found = new HashMap<>();
        instanceIds.forEach(id -> found.put(id, snapshot(id)));
        return new InventoryBatch(region, found, Set.of(), true);
    }

    @Override
    public CompletableFuture<InstanceSnapshot> describe(String region, String instanceId) {
        if (!publicIps.containsKey(instanceId)) {
            return CompletableFuture.failedFuture(new CloudAccessException(CloudAccessException.Kind.UNKNOWN_INSTANCE,
                    region, "DescribeInstances", "unknown " + instanceId));
        }
        return CompletableFuture.completedFuture(snapshot(instanceId));
    }

    private InstanceSnapshot snapshot(String id) {
        return new InstanceSnapshot(id, "running", 16, publicIps.get(id), "10.0.0.2", "c5.2xlarge", "ami-12345678",
                Instant.EPOCH, Map.of(), StatusCheck.OK, StatusCheck.OK);
    }

    @Override
    public TelemetryBatch sample(String region, Collection<String> instanceIds, Instant from, Instant to) {
        Map<String, TelemetrySample> samples = new HashMap<>();
        instanceIds.forEach(id -> samples.put(id, new TelemetrySample(id, 12.5, 40.0, to.minusSeconds(30))));
        return new TelemetryBatch(region, samples, false, List.of());
    }

    @Override
    public CmlSystemInformation systemInformation(CmlTarget target) {
        return new CmlSystemInformation("2.9.1+build.7", true);
    }

    @Override
    public CmlHealthReport evaluateHealth(CmlTarget target) {
        return new CmlHealthReport(CmlServiceStatus.AVAILABLE, true, true, true, true, null, Duration.ofMillis(20));
    }

    @Override
    public CmlSystemStats systemStats(CmlTarget target) {
        return new CmlSystemStats(1, 2L, 10L, 4L, 4_194_304L, 8L, 10.0, 1L, 2L, 3L, 4L);
    }

    @Override
    public CmlLicensing licensing(CmlTarget target) {
        return new CmlLicensing("COMPLETED", "IN_COMPLIANCE", "CML_Enterprise", null, null, true);
    }

    @Override
    public CmlLabs labs(CmlTarget target, boolean includeStates) {
        return new CmlLabs(1, List.of("lab-1"), Map.of());
    }
}
