package io.cmlfleet.application.port.cloud;

import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What is needed to launch one worker instance.
 *
 * @param imageId          the AMI to boot
 * @param instanceType     e.g. {@code c5.2xlarge}
 * @param subnetId         the subnet to place it in; null lets the provider choose the default subnet
 * @param securityGroupIds security group ids; empty uses the subnet's default group
 * @param keyName          the EC2 key pair name; null for none
 * @param tags             tags applied to the instance at launch (never null)
 * @param clientToken      idempotency token: the same token never launches twice; null lets the adapter
 *                         generate one per call (still safe across the adapter's own retries)
 */
public record LaunchRequest(
        String imageId,
        String instanceType,
        String subnetId,
        List<String> securityGroupIds,
        String keyName,
        Map<String, String> tags,
        String clientToken) {

    public LaunchRequest {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(instanceType, "instanceType");
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
        // Insertion order kept: tags are sent and shown in the order the caller or EC2 gave them.
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
