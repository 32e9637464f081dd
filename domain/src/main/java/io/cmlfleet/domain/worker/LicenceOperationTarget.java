package io.cmlfleet.domain.worker;

/** Where an accepted licence operation is to be sent: the worker and its CML controller's HTTPS endpoint. */
public record LicenceOperationTarget(String workerId, String endpoint) {
}
