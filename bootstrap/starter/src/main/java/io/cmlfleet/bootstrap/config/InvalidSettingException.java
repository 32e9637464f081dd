package io.cmlfleet.bootstrap.config;

/**
 * A cmlfleet setting with a value it cannot work with. Its own type so that a failure analyzer can report it as what
 * it is, a configuration mistake, instead of a stack trace. The message names the property, the bad value (never a
 * secret) and what is allowed.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private final String property;

    public InvalidSettingException(String property, String message) {
        super(message);
        this.property = property;
    }

    public InvalidSettingException(String property, String message, Throwable cause) {
        super(message, cause);
        this.property = property;
    }

    /** The property to correct, e.g. {@code cmlfleet.monitoring.fast-interval}. */
    public String property() {
        return property;
    }
}
