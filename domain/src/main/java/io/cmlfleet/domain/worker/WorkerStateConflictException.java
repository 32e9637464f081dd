package io.cmlfleet.domain.worker;

/**
 * A well-formed command that the worker cannot accept in its current state, for example any command on a
 * TERMINATED worker, or a stop request for a worker that is already stopped. Nothing is appended.
 */
public class WorkerStateConflictException extends IllegalStateException {

    private final String workerId;

    public WorkerStateConflictException(String workerId, String message) {
        super("Worker " + workerId + ": " + message);
        this.workerId = workerId;
    }

    public String workerId() {
        return workerId;
    }
}
