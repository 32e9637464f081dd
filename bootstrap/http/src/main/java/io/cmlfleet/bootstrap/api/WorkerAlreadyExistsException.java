package io.cmlfleet.bootstrap.api;

/** A worker with the requested id exists already: answered with 409, before any instance is launched. */
public class WorkerAlreadyExistsException extends RuntimeException {

    public WorkerAlreadyExistsException(String workerId) {
        super("A worker with id " + workerId + " already exists", null, false, false);
    }
}
