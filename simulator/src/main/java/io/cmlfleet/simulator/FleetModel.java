package io.cmlfleet.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * All simulated instances and the rules that turn (instance, clock) into what EC2, CloudWatch and CML report.
 * Shared by the three protocol front ends; safe for concurrent requests.
 */
final class FleetModel {

    private static final long ID_STREAM = 1;
    private static final long SLOW_STREAM = 2;
    private static final long FLAKY_STREAM = 3;
    private static final long UNLICENSED_STREAM = 4;
    private static final long NO_IP_STREAM = 5;
    private static final long LABS_STREAM = 6;
    private static final long BOOT_STREAM = 7;
    private static final long LOAD_STREAM = 8;
    private static final long LAB_DETAIL_STREAM = 9;
    private static final long NOT_ADMITTED_STREAM = 10;
    private static final long LICENCE_EXPIRED_STREAM = 11;

    final FleetProfile profile;
    final Clock clock;
    private final Map<String, SimulatedInstance> byId = new ConcurrentHashMap<>();
    private final Map<String, SimulatedInstance> byAddress = new ConcurrentHashMap<>();
    private final Map<String, List<SimulatedInstance>> byRegion = new ConcurrentHashMap<>();
    private final Map<String, List<SimulatedInstance>> byClientToken = new ConcurrentHashMap<>();
    private final AtomicInteger nextOrdinal = new AtomicInteger();
    /** Every derivation of an instance's state; the cheapness test checks that idle time costs none. */
    private final LongAdder stateEvaluations = new LongAdder();

    FleetModel(FleetProfile profile, Clock clock) {
        this.profile = profile;
        this.clock = clock;
        for (String region : profile.regions()) {
            byRegion.put(region, new CopyOnWriteArrayList<>());
        }
        Instant launchedAt = clock.instant().minus(profile.initialAge());
        List<List<SimulatedInstance>> initial = new ArrayList<>();
        profile.regions().forEach(region -> initial.add(new ArrayList<>()));
        for (int i = 0; i < profile.instanceCount(); i++) {
            int regionIndex = i % profile.regions().size();
            SimulatedInstance instance = create(profile.regions().get(regionIndex), profile.imageId(),
                    profile.instanceType(), launchedAt, Map.of("Name", "cml-worker-" + i, "cmlfleet:simulated", "true"));
            initial.get(regionIndex).add(instance);
        }
        // One bulk add per region: CopyOnWriteArrayList would copy the array on every single add.
        for (int r = 0; r < profile.regions().size(); r++) {
            byRegion.get(profile.regions().get(r)).addAll(initial.get(r));
        }
    }

    Instant now() {
        return clock.instant();
    }

    SimulatedInstance find(String instanceId) {
        return instanceId == null ? null : byId.get(instanceId);
    }

    /** The instance whose public IP is {@code address}, if that address has been handed out. */
    SimulatedInstance atAddress(String address) {
        return address == null ? null : byAddress.get(address);
    }

    List<SimulatedInstance> inRegion(String region) {
        return byRegion.getOrDefault(region, List.of());
    }

    /** Every instance in launch order. */
    List<SimulatedInstance> all() {
        List<SimulatedInstance> all = new ArrayList<>(byId.values());
        all.sort(java.util.Comparator.comparingInt(instance -> instance.ordinal));
        return all;
    }

    InstanceState state(SimulatedInstance instance, Instant now) {
        stateEvaluations.increment();
        return instance.lifecycle().stateAt(now, profile);
    }

    boolean visible(SimulatedInstance instance, Instant now) {
        return instance.lifecycle().visibleAt(now, profile);
    }

    long stateEvaluations() {
        return stateEvaluations.sum();
    }

    /** RunInstances: a client token seen before returns the instances of that launch again, as EC2 does. */
    List<SimulatedInstance> launch(String region, String imageId, String instanceType, int count, String clientToken,
                                   Map<String, String> tags) {
        if (clientToken != null) {
            List<SimulatedInstance> earlier = byClientToken.get(region + " " + clientToken);
            if (earlier != null) {
                return earlier;
            }
        }
        List<SimulatedInstance> launched = new ArrayList<>();
        Instant now = now();
        for (int i = 0; i < count; i++) {
            launched.add(create(region, imageId, instanceType, now, tags));
        }
        byRegion.computeIfAbsent(region, r -> new CopyOnWriteArrayList<>()).addAll(launched);
        if (clientToken != null) {
            byClientToken.put(region + " " + clientToken, List.copyOf(launched));
        }
        return launched;
    }

    private SimulatedInstance create(String region, String imageId, String instanceType, Instant launchedAt,
                                     Map<String, String> tags) {
        int ordinal = nextOrdinal.getAndIncrement();
        // mix is a bijection, so distinct ordinals can never collide on an id.
        String id = String.format(Locale.ROOT, "i-0%016x", SeededChance.mix(SeededChance.mix(profile.seed() ^ ID_STREAM) + ordinal));
        SimulatedInstance instance = new SimulatedInstance(ordinal, id, region, imageId, instanceType, launchedAt,
                traits(ordinal), tags);
        byId.put(id, instance);
        if (instance.traits.publicIp()) {
            byAddress.put(instance.address, instance);
        }
        return instance;
    }

    private InstanceTraits traits(int ordinal) {
        long seed = profile.seed();
        boolean hasLabs = SeededChance.percent(seed, LABS_STREAM, ordinal, profile.labsPercent());
        List<Integer> nodes = new ArrayList<>();
        List<Boolean> started = new ArrayList<>();
        if (hasLabs) {
            int labs = SeededChance.between(seed, LAB_DETAIL_STREAM, ordinal * 16L, 1, 4);
            for (int lab = 0; lab < labs; lab++) {
                nodes.add(SeededChance.between(seed, LAB_DETAIL_STREAM, ordinal * 16L + 1 + lab, 2, 60));
                started.add(SeededChance.percent(seed, LAB_DETAIL_STREAM, ordinal * 16L + 8 + lab, 75));
            }
        }
        long minBoot = profile.minCmlBootDelay().toMillis();
        long bootSpread = profile.maxCmlBootDelay().toMillis() - minBoot;
        Duration boot = Duration.ofMillis(minBoot + Math.round(SeededChance.unit(seed, BOOT_STREAM, ordinal) * bootSpread));
        return new InstanceTraits(
                SeededChance.percent(seed, SLOW_STREAM, ordinal, profile.slowPercent()),
                SeededChance.percent(seed, FLAKY_STREAM, ordinal, profile.flakyPercent()),
                SeededChance.percent(seed, UNLICENSED_STREAM, ordinal, profile.unlicensedPercent()),
                !SeededChance.percent(seed, NO_IP_STREAM, ordinal, profile.noPublicIpPercent()),
                boot,
                nodes,
                started,
                5 + 45 * SeededChance.unit(seed, LOAD_STREAM, ordinal * 3L),
                20 + 40 * SeededChance.unit(seed, LOAD_STREAM, ordinal * 3L + 1),
                2 * Math.PI * SeededChance.unit(seed, LOAD_STREAM, ordinal * 3L + 2),
                SeededChance.percent(seed, NOT_ADMITTED_STREAM, ordinal, profile.notAdmittedPercent()),
                // Never both unlicensed and expired: an unregistered controller has no expiry to miss.
                !SeededChance.percent(seed, UNLICENSED_STREAM, ordinal, profile.unlicensedPercent())
                        && SeededChance.percent(seed, LICENCE_EXPIRED_STREAM, ordinal, profile.licenceExpiredPercent()));
    }

    double cpuPercent(SimulatedInstance instance, Instant at) {
        return LoadModel.cpuPercent(profile.seed(), instance.ordinal, instance.traits, at);
    }

    double memoryPercent(SimulatedInstance instance, Instant at) {
        return LoadModel.memoryPercent(profile.seed(), instance.ordinal, instance.traits, at);
    }

    /** Deterministic per-lab UUID, so lab ids stay the same between calls and runs. */
    String labId(SimulatedInstance instance, int lab) {
        long high = SeededChance.hash(profile.seed(), LAB_DETAIL_STREAM + 100, instance.ordinal * 16L + lab);
        long low = SeededChance.hash(profile.seed(), LAB_DETAIL_STREAM + 200, instance.ordinal * 16L + lab);
        high = (high & ~0xF000L) | 0x4000L; // version 4
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new java.util.UUID(high, low).toString();
    }
}
