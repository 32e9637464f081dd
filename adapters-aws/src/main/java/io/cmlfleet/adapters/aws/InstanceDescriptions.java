package io.cmlfleet.adapters.aws;

import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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

    private record Entry(InstanceSnapshot described, Instant describedAt) {
    }

    private final Duration maxAge;
    private final Supplier<Instant> clock;
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();

    /** @param clock the current instant (the adapters' clock; tests move their own) */
    InstanceDescriptions(Duration maxAge, Supplier<Instant> clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    boolean enabled() {
        return !maxAge.isZero();
    }

    /** The description of an instance if one younger than the maximum age is kept. */
    Optional<InstanceSnapshot> fresh(String instanceId) {
        Entry entry = byId.get(instanceId);
        if (entry == null || expired(entry, clock.get())) {
            return Optional.empty();
        }
        return Optional.of(entry.described());
    }

    void remember(InstanceSnapshot described) {
        if (enabled()) {
            byId.put(described.instanceId(), new Entry(described, clock.get()));
        }
    }

    /** After a lifecycle call the next refresh describes the instance again instead of trusting what was kept. */
    void forget(String instanceId) {
        byId.remove(instanceId);
    }

    /** Drops descriptions past their age, so instances that left the fleet do not stay in memory. */
    void dropExpired() {
        Instant now = clock.get();
        byId.values().removeIf(entry -> expired(entry, now));
    }

    private boolean expired(Entry entry, Instant now) {
        return !now.isBefore(entry.describedAt().plus(maxAge));
    }

    int size() {
        return byId.size();
    }
}
