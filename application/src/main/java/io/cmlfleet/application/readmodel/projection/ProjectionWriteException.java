package io.cmlfleet.application.readmodel.projection;

/** The database refused a projection's write; the message is the database's (the dead letter's cause). */
public class ProjectionWriteException extends RuntimeException {

    public ProjectionWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
