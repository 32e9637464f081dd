package io.cmlfleet.bootstrap.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/workers/import}: adopt an existing EC2 instance as a worker. */
public record ImportWorkerRequest(
        @NotBlank String workerId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank String region,
        @NotBlank String instanceId) {
}
