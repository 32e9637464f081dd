package io.cmlfleet.application.refresh;

/** Where a worker lives in AWS: enough to observe it. */
public record WorkerRef(String workerId, String region, String instanceId) {
}
