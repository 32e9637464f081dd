package io.cmlfleet.bootstrap.host;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.InstanceInventory;
import io.cmlfleet.application.port.cloud.InstanceLifecycle;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.InventoryBatch;
import io.cmlfleet.application.port.cloud.LaunchRequest;
import io.cmlfleet.application.port.cloud.StateTransition;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * EC2, CloudWatch and every CML controller in memory: instances change state when started, stopped or terminated,
 * every running instance has a public IP and a healthy controller. State is reached through methods only (the bean
 * is proxied by the call metrics).
 */
public class FakeCloud implements InstanceInventory, InstanceLifecycle, TelemetrySource, CmlControllerClient {

    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final List<String> lifecycleCalls = new CopyOnWriteArrayList<>();
    private final AtomicInteger launched = new AtomicInteger();
    private final Map<String, CloudAccessException.Kind> failingInstances = new ConcurrentHashMap<>();

    /** Lifecycle calls for this instance fail with the given kind from now on. */
    public void failLifecycleCallsOf(String instanceId, CloudAccessException.Kind kind) {
        failingInstances.put(instanceId, kind);
    }

    public void addRunningInstance(String instanceId) {
        states.put(instanceId, "running");
    }

    public String stateOf(String instanceId) {
        return states.get(instanceId);
    }

    public List<String> lifecycleCalls() {
        return List.copyOf(lifecycleCalls);
    }

    @Override
    public InventoryBatch describeAll(String region, Collection<String> instanceIds) {
        Map<String, InstanceSnapshot> found = new HashMap<>();
        Set<String> missing = new HashSet<>();
        instanceIds.forEach(id -> {
            if (states.containsKey(id)) {
                found.put(id, snapshot(id));
            } else {
                missing.add(id);
            }
        });
        return new InventoryBatch(region, found, missing, true);
    }

    @Override
    public CompletableFuture<InstanceSnapshot> describe(String region, String instanceId) {
        if (!states.containsKey(instanceId)) {
            return CompletableFuture.failedFuture(new CloudAccessException(CloudAccessException.Kind.UNKNOWN_INSTANCE,
                    region, "DescribeInstances", "The instance ID '" + instanceId + "' does not exist"));
        }
        return CompletableFuture.completedFuture(snapshot(instanceId));
    }

    private InstanceSnapshot snapshot(String id) {
        String state = states.get(id);
        boolean running = state.equals("running");
        return new InstanceSnapshot(id, state, codeOf(state), running ? "54.1.2." + (Math.abs(id.hashCode()) % 250)
                : null, "10.0.0.2", "c5.2xlarge", "ami-12345678", Instant.EPOCH, Map.of(), StatusCheck.OK,
                StatusCheck.OK);
    }

    private static int codeOf(String state) {
        return switch (state) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            default -> 80;
        };
    }

    @Override
    public InstanceSnapshot launch(String region, LaunchRequest request) {
        String id = String.format("i-%017x", 0xabc00000L + launched.incrementAndGet());
        states.put(id, "running");
        lifecycleCalls.add("launch " + id);
        return snapshot(id);
    }

    @Override
    public StateTransition start(String region, String instanceId) {
        return transition("start", instanceId, "running");
    }

    @Override
    public StateTransition stop(String region, String instanceId) {
        return transition("stop", instanceId, "stopped");
    }

    @Override
    public StateTransition terminate(String region, String instanceId) {
        return transition("terminate", instanceId, "terminated");
    }

    private StateTransition transition(String action, String instanceId, String next) {
        CloudAccessException.Kind failure = failingInstances.get(instanceId);
        if (failure != null) {
            throw new CloudAccessException(failure, "eu-west-1", action, "EC2 did not answer (simulated " + failure + ")");
        }
        String previous = states.get(instanceId);
        if (previous == null) {
            throw new CloudAccessException(CloudAccessException.Kind.UNKNOWN_INSTANCE, "eu-west-1", action,
                    "unknown " + instanceId);
        }
        states.put(instanceId, next);
        lifecycleCalls.add(action + " " + instanceId);
        return new StateTransition(instanceId, previous, codeOf(previous), next, codeOf(next));
    }

    @Override
    public void createTags(String region, String instanceId, Map<String, String> tags) {
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
