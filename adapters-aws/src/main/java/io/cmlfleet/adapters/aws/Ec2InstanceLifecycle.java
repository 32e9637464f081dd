package io.cmlfleet.adapters.aws;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.CloudAccessException.Kind;
import io.cmlfleet.application.port.cloud.InstanceLifecycle;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.LaunchRequest;
import io.cmlfleet.application.port.cloud.StateTransition;
import io.cmlfleet.application.port.cloud.StatusCheck;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** {@link InstanceLifecycle} on EC2: RunInstances, StartInstances, StopInstances, TerminateInstances, CreateTags. */
final class Ec2InstanceLifecycle implements InstanceLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Ec2InstanceLifecycle.class);

    private final RegionalClients clients;
    /** Changed here, so what the inventory kept about the instance is out of date. */
    private final InstanceDescriptions descriptions;

    Ec2InstanceLifecycle(RegionalClients clients, InstanceDescriptions descriptions) {
        this.clients = clients;
        this.descriptions = descriptions;
    }

    @Override
    public InstanceSnapshot launch(String region, LaunchRequest request) {
        String operation = "RunInstances";
        if (request == null) {
            throw invalid(region, operation, "a launch request is required");
        }
        RunInstancesRequest.Builder run = RunInstancesRequest.builder()
                .imageId(request.imageId())
                .instanceType(request.instanceType())
                .minCount(1)
                .maxCount(1);
        if (request.subnetId() != null) {
            run.subnetId(request.subnetId());
        }
        if (!request.securityGroupIds().isEmpty()) {
            run.securityGroupIds(request.securityGroupIds());
        }
        if (request.keyName() != null) {
            run.keyName(request.keyName());
        }
        if (request.clientToken() != null) {
            // Otherwise the SDK generates one per call, reused across its own retries.
            run.clientToken(request.clientToken());
        }
        if (!request.tags().isEmpty()) {
            // Tagging at launch, not afterwards: an untagged worker is never visible, even if the process dies.
            run.tagSpecifications(TagSpecification.builder()
                    .resourceType(ResourceType.INSTANCE)
                    .tags(tags(request.tags()))
                    .build());
        }
        Ec2Client ec2 = ec2(region, operation);
        RunInstancesRequest built = run.build();
        RunInstancesResponse response = AwsCalls.call(region, operation, () -> ec2.runInstances(built));
        if (response.instances().isEmpty()) {
            throw new CloudAccessException(Kind.FAILED, region, operation,
                    operation + " in " + region + ": AWS accepted the launch but returned no instance");
        }
        InstanceSnapshot launched = Ec2Snapshots.snapshot(response.instances().get(0), StatusCheck.UNKNOWN, StatusCheck.UNKNOWN);
        log.info("Launched instance {} ({}, {}) in {}", launched.instanceId(), launched.instanceType(),
                launched.imageId(), region);
        return launched;
    }

    @Override
    public StateTransition start(String region, String instanceId) {
        return change(region, "StartInstances", instanceId,
                (ec2, id) -> ec2.startInstances(b -> b.instanceIds(id)).startingInstances());
    }

    @Override
    public StateTransition stop(String region, String instanceId) {
        return change(region, "StopInstances", instanceId,
                (ec2, id) -> ec2.stopInstances(b -> b.instanceIds(id)).stoppingInstances());
    }

    @Override
    public StateTransition terminate(String region, String instanceId) {
        return change(region, "TerminateInstances", instanceId,
                (ec2, id) -> ec2.terminateInstances(b -> b.instanceIds(id)).terminatingInstances());
    }

    /** One state-changing call on one instance, and the transition EC2 reports for it. */
    private StateTransition change(String region, String operation, String instanceId,
                                   BiFunction<Ec2Client, String, List<InstanceStateChange>> call) {
        Ec2Client ec2 = ec2(region, operation);
        String id = requireId(region, operation, instanceId);
        List<InstanceStateChange> changes = AwsCalls.call(region, operation, () -> call.apply(ec2, id));
        descriptions.forget(id);
        return transition(region, operation, id, changes);
    }

    @Override
    public void createTags(String region, String instanceId, Map<String, String> tags) {
        String operation = "CreateTags";
        String id = requireId(region, operation, instanceId);
        if (tags == null || tags.isEmpty()) {
            return; // nothing to do, and CreateTags rejects an empty tag list
        }
        Ec2Client ec2 = ec2(region, operation);
        CreateTagsRequest request = CreateTagsRequest.builder().resources(id).tags(tags(tags)).build();
        AwsCalls.call(region, operation, () -> ec2.createTags(request));
        descriptions.forget(id);
        log.debug("Tagged {} in {} with keys {}", id, region, tags.keySet());
    }

    private Ec2Client ec2(String region, String operation) {
        return clients.ec2(RegionResolver.resolve(region, operation));
    }

    private static StateTransition transition(String region, String operation, String instanceId,
                                              List<InstanceStateChange> changes) {
        StateTransition transition = changes.stream()
                .filter(change -> instanceId.equals(change.instanceId()))
                .findFirst()
                .map(Ec2Snapshots::transition)
                .orElseThrow(() -> new CloudAccessException(Kind.FAILED, region, operation,
                        operation + " in " + region + ": AWS reported no state change for " + instanceId));
        log.info("{} {} in {}: {} -> {}", operation, instanceId, region,
                transition.previousStateName(), transition.currentStateName());
        return transition;
    }

    private static String requireId(String region, String operation, String instanceId) {
        if (instanceId == null || instanceId.isBlank()) {
            throw invalid(region, operation, "an instance id is required");
        }
        return instanceId.trim();
    }

    private static CloudAccessException invalid(String region, String operation, String why) {
        return new CloudAccessException(Kind.INVALID_REQUEST, region, operation, operation + " in " + region + ": " + why);
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream()
                .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                .toList();
    }
}
