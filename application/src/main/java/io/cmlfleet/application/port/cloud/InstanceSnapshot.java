package io.cmlfleet.application.port.cloud;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the cloud says about one instance at one moment.
 *
 * @param instanceId     e.g. {@code i-1234567890abcdef0}
 * @param stateName      EC2 state name: pending, running, shutting-down, terminated, stopping, stopped
 * @param stateCode      EC2 state code (low byte): 0, 16, 32, 48, 64, 80
 * @param publicIp       public IPv4 address, null when the instance has none
 * @param privateIp      private IPv4 address, null when not assigned
 * @param instanceType   e.g. {@code c5.2xlarge}
 * @param imageId        the AMI id
 * @param launchTime     when the instance was last launched; null if unknown
 * @param tags           the instance's tags (never null)
 * @param systemStatus   the system (host) reachability check
 * @param instanceStatus the instance (guest OS) reachability check
 */
public record InstanceSnapshot(
        String instanceId,
        String stateName,
        int stateCode,
        String publicIp,
        String privateIp,
        String instanceType,
        String imageId,
        Instant launchTime,
        Map<String, String> tags,
        StatusCheck systemStatus,
        StatusCheck instanceStatus) {

    public InstanceSnapshot {
        Objects.requireNonNull(instanceId, "instanceId");
        // Insertion order kept: tags are sent and shown in the order the caller or EC2 gave them.
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        systemStatus = systemStatus == null ? StatusCheck.UNKNOWN : systemStatus;
        instanceStatus = instanceStatus == null ? StatusCheck.UNKNOWN : instanceStatus;
    }
}
