package io.cmlfleet.bootstrap.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/workers}: launch an instance from a CML AMI and register it. The formats (ids, region,
 * instance type) are checked by the domain, which names the field it rejects; only presence is checked here.
 */
public record ProvisionWorkerRequest(
        @NotBlank String workerId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank String region,
        @NotBlank String amiId,
        String amiName,
        @NotBlank String instanceType,
        String subnetId,
        List<String> securityGroupIds,
        String keyName,
        Map<String, String> tags) {
}
