package io.cmlfleet.adapters.aws;

import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.StateTransition;
import io.cmlfleet.application.port.cloud.StatusCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.InstanceStatusSummary;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Converts EC2 SDK model objects into the port's plain records. */
final class Ec2Snapshots {

    /** EC2 state codes: the high byte is internal to AWS, only the low byte carries the documented state. */
    private static final int STATE_CODE_MASK = 0xFF;

    private Ec2Snapshots() {
    }

    static InstanceSnapshot snapshot(Instance instance, StatusCheck systemStatus, StatusCheck instanceStatus) {
        InstanceState state = instance.state();
        return new InstanceSnapshot(
                instance.instanceId(),
                state == null ? null : state.nameAsString(),
                stateCode(state),
                instance.publicIpAddress(),
                instance.privateIpAddress(),
                instance.instanceTypeAsString(),
                instance.imageId(),
                instance.launchTime(),
                tags(instance.tags()),
                systemStatus,
                instanceStatus);
    }

    /** Whether DescribeInstanceStatus still reports the state a kept description recorded. */
    static boolean sameState(InstanceSnapshot described, InstanceStatus status) {
        InstanceState state = status.instanceState();
        return state != null && state.nameAsString() != null && state.nameAsString().equals(described.stateName());
    }

    /** A kept description with the state and checks of a fresh DescribeInstanceStatus. */
    static InstanceSnapshot withStatus(InstanceSnapshot described, InstanceStatus status) {
        return new InstanceSnapshot(described.instanceId(), status.instanceState().nameAsString(),
                stateCode(status.instanceState()), described.publicIp(), described.privateIp(),
                described.instanceType(), described.imageId(), described.launchTime(), described.tags(),
                statusCheck(status.systemStatus()), statusCheck(status.instanceStatus()));
    }

    static StateTransition transition(InstanceStateChange change) {
        return new StateTransition(
                change.instanceId(),
                change.previousState() == null ? null : change.previousState().nameAsString(),
                stateCode(change.previousState()),
                change.currentState() == null ? null : change.currentState().nameAsString(),
                stateCode(change.currentState()));
    }

    static StatusCheck statusCheck(InstanceStatusSummary summary) {
        if (summary == null || summary.statusAsString() == null) {
            return StatusCheck.UNKNOWN;
        }
        return switch (summary.statusAsString()) {
            case "ok" -> StatusCheck.OK;
            case "impaired" -> StatusCheck.IMPAIRED;
            case "insufficient-data" -> StatusCheck.INSUFFICIENT_DATA;
            case "initializing" -> StatusCheck.INITIALIZING;
            case "not-applicable" -> StatusCheck.NOT_APPLICABLE;
            default -> StatusCheck.UNKNOWN;
        };
    }

    private static int stateCode(InstanceState state) {
        return state == null || state.code() == null ? -1 : state.code() & STATE_CODE_MASK;
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Tag tag : tags) {
            if (tag.key() != null) {
                result.put(tag.key(), tag.value() == null ? "" : tag.value());
            }
        }
        return result;
    }
}
