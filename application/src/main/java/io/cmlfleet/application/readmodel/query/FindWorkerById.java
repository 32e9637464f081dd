package io.cmlfleet.application.readmodel.query;

/** The summary of one worker by its id; answered with an {@code Optional<WorkerSummary>}, empty when unknown. */
public record FindWorkerById(String workerId) {
}
