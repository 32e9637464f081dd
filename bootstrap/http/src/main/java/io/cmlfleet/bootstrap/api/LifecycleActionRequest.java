package io.cmlfleet.bootstrap.api;

import jakarta.validation.constraints.Size;

/** Optional body of start, stop and terminate: why, for the worker's history. */
public record LifecycleActionRequest(@Size(max = 500) String reason) {
}
