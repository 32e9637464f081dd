package io.cmlfleet.application.refresh;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.InstanceInventory;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.InventoryBatch;
import io.cmlfleet.application.port.cloud.StatusCheck;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** An in-memory EC2: instances by id and an optional failure. */
class FakeInstanceInventory implements InstanceInventory {

    final Map<String, InstanceSnapshot> instances = new HashMap<>();
    CloudAccessException failure;

    void put(String instanceId, String state, int code, String publicIp) {
        instances.put(instanceId, new InstanceSnapshot(instanceId, state, code, publicIp, "10.0.0.5", "c5.2xlarge",
                "ami-12345678", null, Map.of(), StatusCheck.OK, StatusCheck.OK));
    }

    /** The pipeline and the lifecycle service describe one instance at a time; nothing here asks for a batch. */
    @Override
    public InventoryBatch describeAll(String region, Collection<String> instanceIds) {
        throw new UnsupportedOperationException("describeAll is not used by the application yet");
    }

    @Override
    public CompletableFuture<InstanceSnapshot> describe(String region, String instanceId) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        InstanceSnapshot snapshot = instances.get(instanceId);
        return snapshot != null ? CompletableFuture.completedFuture(snapshot)
                : CompletableFuture.failedFuture(new CloudAccessException(CloudAccessException.Kind.UNKNOWN_INSTANCE,
                region, "DescribeInstances", "EC2 does not know instance " + instanceId));
    }
}
