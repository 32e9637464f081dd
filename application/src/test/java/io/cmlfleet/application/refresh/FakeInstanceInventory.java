package io.cmlfleet.application.refresh;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.InstanceInventory;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.InventoryBatch;
import io.cmlfleet.application.port.cloud.StatusCheck;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;

/** An in-memory EC2: instances by id and an optional failure. */
class FakeInstanceInventory implements InstanceInventory {

    final Map<String, InstanceSnapshot> instances = new HashMap<>();
    CloudAccessException failure;

    void put(String instanceId, String state, int code, String publicIp) {
        instances.put(instanceId, new InstanceSnapshot(instanceId, state, code, publicIp, "10.0.0.5", "c5.2xlarge",
                "ami-12345678", null, Map.of(), StatusCheck.OK, StatusCheck.OK));
    }

    /** One entry per call: "describeAll region n" for a batch, "describe region id" for one instance. */
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public InventoryBatch describeAll(String region, Collection<String> instanceIds) {
        calls.add("describeAll " + region + " " + instanceIds.size());
        if (failure != null) {
            throw failure;
        }
        Map<String, InstanceSnapshot> found = new HashMap<>();
        Set<String> missing = new HashSet<>();
        instanceIds.forEach(id -> {
            if (instances.containsKey(id)) {
                found.put(id, instances.get(id));
            } else {
                missing.add(id);
            }
        });
        return new InventoryBatch(region, found, missing, true);
    }

    @Override
    public CompletableFuture<InstanceSnapshot> describe(String region, String instanceId) {
        calls.add("describe " + region + " " + instanceId);
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        InstanceSnapshot snapshot = instances.get(instanceId);
        return snapshot != null ? CompletableFuture.completedFuture(snapshot)
                : CompletableFuture.failedFuture(new CloudAccessException(CloudAccessException.Kind.UNKNOWN_INSTANCE,
                region, "DescribeInstances", "EC2 does not know instance " + instanceId));
    }
}
