package io.cmlfleet.bootstrap.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/workers/{id}/idle-stop/snooze}: no idle warning or stop for {@code minutes} (1 to
 * 10080, a week), and why.
 */
public record SnoozeIdleStopRequest(@NotNull @Min(1) @Max(10080) Integer minutes, @Size(max = 500) String reason) {
}
