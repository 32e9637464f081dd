package io.cmlfleet.bootstrap.api;

import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/v1/workers/{id}/idle-stop}: whether this worker may be stopped when idle. */
public record IdleStopRequest(@NotNull Boolean enabled) {
}
