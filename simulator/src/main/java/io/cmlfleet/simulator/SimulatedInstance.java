package io.cmlfleet.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One EC2 instance with the CML controller on it. Holds only what cannot be computed: identity, traits, tags and the
 * last lifecycle request. Everything else (state, public IP, boot phase, load) is derived from the clock on demand,
 * which keeps a fleet of 10,000 at a few objects per instance and no threads.
 */
final class SimulatedInstance {

    final int ordinal;
    final String instanceId;
    final String region;
    final String address;
    final String privateIp;
    final String imageId;
    final String instanceType;
    final Instant launchTime;
    final InstanceTraits traits;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final AtomicLong cmlRequests = new AtomicLong();
    private volatile Lifecycle lifecycle;
    /** The compute's admission state as an administrator set it (PATCH in real CML); starts from the traits. */
    private volatile String computeAdmission;
    private ControllerSystem system;

    SimulatedInstance(int ordinal, String instanceId, String region, String imageId, String instanceType,
                      Instant launchTime, InstanceTraits traits, Map<String, String> initialTags) {
        this.ordinal = ordinal;
        this.instanceId = instanceId;
        this.region = region;
        this.address = LoopbackAddresses.forOrdinal(ordinal);
        this.privateIp = "10." + (ordinal >> 16 & 0xFF) + "." + (ordinal >> 8 & 0xFF) + "." + (ordinal & 0xFF);
        this.imageId = imageId;
        this.instanceType = instanceType;
        this.launchTime = launchTime;
        this.traits = traits;
        this.tags.putAll(initialTags);
        this.lifecycle = Lifecycle.launchedAt(launchTime);
        this.computeAdmission = traits.notAdmitted() ? "ONLINE" : "READY";
    }

    String computeAdmission() {
        return computeAdmission;
    }

    void computeAdmission(String state) {
        computeAdmission = state;
    }

    /** The controller's telemetry, maintenance mode and notices, created on first use. */
    synchronized ControllerSystem system() {
        if (system == null) {
            system = new ControllerSystem();
        }
        return system;
    }

    Lifecycle lifecycle() {
        return lifecycle;
    }

    /** The public IP EC2 reports: only while running, and never for workers without one. */
    String publicIpAt(InstanceState state) {
        return traits.publicIp() && state == InstanceState.RUNNING ? address : null;
    }

    synchronized Map<String, String> tags() {
        return new LinkedHashMap<>(tags);
    }

    synchronized void tag(Map<String, String> added) {
        tags.putAll(added);
    }

    /** Numbers this worker's CML requests so flaky workers fail a fixed share of them, reproducibly. */
    long nextCmlRequestNumber() {
        return cmlRequests.incrementAndGet();
    }

    synchronized StateChange start(Instant now, FleetProfile profile) {
        InstanceState before = lifecycle.stateAt(now, profile);
        switch (before) {
            case STOPPED -> lifecycle = new Lifecycle(Lifecycle.Request.START, now, null, null);
            case PENDING, RUNNING -> {
                return new StateChange(instanceId, before, before);
            }
            default -> throw incorrectState(before, "started");
        }
        return new StateChange(instanceId, before, lifecycle.stateAt(now, profile));
    }

    synchronized StateChange stop(Instant now, FleetProfile profile) {
        InstanceState before = lifecycle.stateAt(now, profile);
        switch (before) {
            case PENDING, RUNNING -> lifecycle = lifecycle.ending(Lifecycle.Request.STOP, now, profile);
            case STOPPING, STOPPED -> {
                return new StateChange(instanceId, before, before);
            }
            default -> throw incorrectState(before, "stopped");
        }
        return new StateChange(instanceId, before, lifecycle.stateAt(now, profile));
    }

    synchronized StateChange terminate(Instant now, FleetProfile profile) {
        InstanceState before = lifecycle.stateAt(now, profile);
        if (before == InstanceState.SHUTTING_DOWN || before == InstanceState.TERMINATED) {
            return new StateChange(instanceId, before, before);
        }
        lifecycle = lifecycle.ending(Lifecycle.Request.TERMINATE, now, profile);
        return new StateChange(instanceId, before, lifecycle.stateAt(now, profile));
    }

    private Ec2Failure incorrectState(InstanceState state, String verb) {
        return new Ec2Failure(400, "IncorrectInstanceState", "The instance '" + instanceId + "' is not in a state"
                + " from which it can be " + verb + ". Current state: " + state.wireName());
    }
}
