package io.cmlfleet.application.port.cloud;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** Describes cloud instances: state, addresses, tags and status checks. */
public interface InstanceInventory {

    /**
     * Describes many instances of one region in as few provider calls as the provider allows.
     *
     * @throws CloudAccessException when the provider cannot be asked or refuses
     */
    InventoryBatch describeAll(String region, Collection<String> instanceIds);

    /**
     * Describes one instance. Requests that arrive close together for the same region are answered from one
     * batched call, so callers may ask per worker without multiplying provider calls.
     *
     * @return a future completed with the snapshot, or exceptionally with a {@link CloudAccessException}
     *         ({@link CloudAccessException.Kind#UNKNOWN_INSTANCE} when the provider does not know the id)
     */
    CompletableFuture<InstanceSnapshot> describe(String region, String instanceId);
}
