package io.cmlfleet.bootstrap.api;

/** The read model knows no worker by this id or instance id: answered with 404. */
public class UnknownWorkerException extends RuntimeException {

    public UnknownWorkerException(String message) {
        super(message, null, false, false);
    }
}
