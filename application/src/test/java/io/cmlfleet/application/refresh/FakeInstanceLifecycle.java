package io.cmlfleet.application.refresh;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.InstanceLifecycle;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.LaunchRequest;
import io.cmlfleet.application.port.cloud.StateTransition;
import io.cmlfleet.application.port.cloud.StatusCheck;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory EC2 lifecycle calls: a call log, launched instance ids in order, and an optional failure. */
public class FakeInstanceLifecycle implements InstanceLifecycle {

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<LaunchRequest> launches = new CopyOnWriteArrayList<>();
    public CloudAccessException failure;
    public String nextInstanceId = "i-0fedcba9876543210";

    @Override
    public InstanceSnapshot launch(String region, LaunchRequest request) {
        calls.add("launch " + region);
        failIfAsked();
        launches.add(request);
        return new InstanceSnapshot(nextInstanceId, "pending", 0, null, "10.0.0.9", request.instanceType(),
                request.imageId(), null, request.tags(), StatusCheck.UNKNOWN, StatusCheck.UNKNOWN);
    }

    @Override
    public StateTransition start(String region, String instanceId) {
        return transition("start", region, instanceId, "stopped", 80, "pending", 0);
    }

    @Override
    public StateTransition stop(String region, String instanceId) {
        return transition("stop", region, instanceId, "running", 16, "stopping", 64);
    }

    @Override
    public StateTransition terminate(String region, String instanceId) {
        return transition("terminate", region, instanceId, "running", 16, "shutting-down", 32);
    }

    @Override
    public void createTags(String region, String instanceId, Map<String, String> tags) {
        calls.add("createTags " + region + " " + instanceId);
        failIfAsked();
    }

    private StateTransition transition(String call, String region, String instanceId, String from, int fromCode,
                                       String to, int toCode) {
        calls.add(call + " " + region + " " + instanceId);
        failIfAsked();
        return new StateTransition(instanceId, from, fromCode, to, toCode);
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }
}
