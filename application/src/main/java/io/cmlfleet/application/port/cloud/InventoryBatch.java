package io.cmlfleet.application.port.cloud;

import java.util.Map;
import java.util.Set;

/**
 * The answer to one batched describe in one region.
 *
 * @param region       the region that was asked
 * @param instances    snapshots by instance id, for every requested id the provider knows
 * @param missing      requested ids the provider did not return (terminated long ago, or never existed)
 * @param statusChecksComplete false when status checks could not be fetched for some instances; those
 *                     snapshots carry {@link StatusCheck#UNKNOWN}
 */
public record InventoryBatch(
        String region,
        Map<String, InstanceSnapshot> instances,
        Set<String> missing,
        boolean statusChecksComplete) {

    public InventoryBatch {
        instances = Map.copyOf(instances);
        missing = Set.copyOf(missing);
    }
}
