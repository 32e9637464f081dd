package io.cmlfleet.application.port.cloud;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Describes cloud instances: state, addresses, tags and status checks. */
public interface InstanceInventory {

    /**
     * Describes many instances of one region in as few provider calls as the provider allows.
     *
     * <p>The refresh engine is to use this to observe a whole region at once. Today's pipeline refreshes one worker per
     * saga deadline and asks {@link #describe(String, String)}, which the adapter coalesces into calls of this kind.
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

    /**
     * {@link #describe(String, String)} and wait at most {@code timeout}: every way of not getting an answer is a
     * {@link CloudAccessException} (a timeout is UNREACHABLE).
     */
    default InstanceSnapshot describeAndWait(String region, String instanceId, Duration timeout) {
        try {
            return describe(region, instanceId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CloudAccessException cloud) {
                throw cloud;
            }
            throw new CloudAccessException(CloudAccessException.Kind.FAILED, region, "DescribeInstances",
                    "could not describe " + instanceId + ": " + e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            throw new CloudAccessException(CloudAccessException.Kind.UNREACHABLE, region, "DescribeInstances",
                    "EC2 did not answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudAccessException(CloudAccessException.Kind.FAILED, region, "DescribeInstances",
                    "interrupted while waiting for EC2");
        }
    }
}
