package io.cmlfleet.adapters.aws;

import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What DescribeInstances last said about each instance, kept for reuse up to a maximum age.
 *
 * <p>Why: the fields DescribeInstances adds over DescribeInstanceStatus (addresses, type, image, launch time, tags)
 * change when the state changes, or rarely. A refresh therefore asks DescribeInstanceStatus every time (state and
 * checks, 100 ids a call) and reuses the description while the state it recorded is still the state EC2 reports. One
 * region scan (1,000 instances a call) then serves every slot of a cycle, instead of filtered calls of 200 ids per
 * slot. Instance ids are unique across regions, so they alone are the key.
 */
final class InstanceDescriptions {

    private record Entry(InstanceSnapshot described, long describedAtNanos) {
    }

    private final Duration maxAge;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();

    InstanceDescriptions(Duration maxAge, LongSupplier nanoTime) {
        this.maxAge = maxAge;
        this.nanoTime = nanoTime;
    }

    boolean enabled() {
        return !maxAge.isZero();
    }

    /** The description of an instance if one younger than the maximum age is kept. */
    Optional<InstanceSnapshot> fresh(String instanceId) {
        Entry entry = byId.get(instanceId);
        if (entry == null || nanoTime.getAsLong() - entry.describedAtNanos() >= maxAge.toNanos()) {
            return Optional.empty();
        }
        return Optional.of(entry.described());
    }

    void remember(InstanceSnapshot described) {
        if (enabled()) {
            byId.put(described.instanceId(), new Entry(described, nanoTime.getAsLong()));
        }
    }

    /** After a lifecycle call the next refresh describes the instance again instead of trusting what was kept. */
    void forget(String instanceId) {
        byId.remove(instanceId);
    }

    /** Drops descriptions past their age, so instances that left the fleet do not stay in memory. */
    void dropExpired() {
        long now = nanoTime.getAsLong();
        byId.values().removeIf(entry -> now - entry.describedAtNanos() >= maxAge.toNanos());
    }

    int size() {
        return byId.size();
    }
}
