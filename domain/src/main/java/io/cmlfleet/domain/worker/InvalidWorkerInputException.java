package io.cmlfleet.domain.worker;

/**
 * A command carried a value the domain refuses. The message always names the field, so that an operator or an
 * HTTP client can tell what to fix; nothing is appended to the worker's history when this is thrown.
 */
public class InvalidWorkerInputException extends IllegalArgumentException {

    private final String field;

    public InvalidWorkerInputException(String field, String problem) {
        super("Invalid " + field + ": " + problem);
        this.field = field;
    }

    /** The command field that was wrong, e.g. {@code instanceId}. */
    public String field() {
        return field;
    }
}
