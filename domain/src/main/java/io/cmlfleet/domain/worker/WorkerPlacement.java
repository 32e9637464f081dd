package io.cmlfleet.domain.worker;

/** Where a worker's instance lives: what an EC2 call about it needs. */
public record WorkerPlacement(String workerId, String region, String instanceId) {
}
