package io.cmlfleet.bootstrap.api;

/** Answer to provisioning and importing: the worker and the EC2 instance it watches. */
public record WorkerCreatedResponse(String workerId, String instanceId) {
}
