package io.cmlfleet.domain.worker;

/** Where a prepared lab action is to be sent: the worker and its CML controller's HTTPS endpoint. */
public record LabActionTarget(String workerId, String endpoint) {
}
