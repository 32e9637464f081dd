package io.cmlfleet.application.readmodel.query;

/** The summary of the worker running on an EC2 instance; answered with an {@code Optional<WorkerSummary>}. */
public record FindWorkerByInstanceId(String instanceId) {
}
