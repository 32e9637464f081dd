package io.cmlfleet.bootstrap.api;

import jakarta.validation.constraints.NotBlank;

/** Body of {@code PUT /api/v1/workers/{id}/endpoint}: an HTTPS URL that auto-population will not overwrite. */
public record SetEndpointRequest(@NotBlank String endpoint) {
}
