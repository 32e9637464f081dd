package io.cmlfleet.bootstrap.api;

import jakarta.validation.constraints.Size;

/** Optional body of a lab start, stop or wipe: why, for the worker's history. */
public record LabActionRequest(@Size(max = 500) String reason) {
}
