package io.cmlfleet.application.readmodel.projection;

/**
 * An event cannot be applied to a projection, e.g. it belongs to a worker the projection has never seen created.
 * Thrown so that the event is dead-lettered (with this message as the cause) instead of being silently dropped.
 */
public class ProjectionIntegrityException extends RuntimeException {

    public ProjectionIntegrityException(String message) {
        super(message);
    }
}
