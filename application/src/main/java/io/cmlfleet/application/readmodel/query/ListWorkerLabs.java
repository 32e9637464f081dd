package io.cmlfleet.application.readmodel.query;

/** The labs of one worker, from the worker-labs projection; answered with {@link WorkerLabs}. */
public record ListWorkerLabs(String workerId) {
}
