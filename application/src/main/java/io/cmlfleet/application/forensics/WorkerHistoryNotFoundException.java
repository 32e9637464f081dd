package io.cmlfleet.application.forensics;

/** The event store holds no history for the worker (before the instant asked about). */
public class WorkerHistoryNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WorkerHistoryNotFoundException(String message) {
        super(message);
    }
}
