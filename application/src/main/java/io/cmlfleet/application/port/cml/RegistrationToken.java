package io.cmlfleet.application.port.cml;

import java.util.Objects;

/**
 * A Smart Licensing registration token: a secret. It is checked here (required, bounded, printable ASCII) and
 * then only handed to the CML adapter; {@link #toString()} never shows it, so a token that reaches a log line, an
 * exception or a JSON body by mistake still does not leak. Rejection messages name the field, never the value.
 */
public final class RegistrationToken {

    /** CML's tokens are about 100 characters; anything far longer is not one. */
    public static final int MAX_LENGTH = 512;

    private final String value;

    private RegistrationToken(String value) {
        this.value = value;
    }

    /** The token, or {@link InvalidRegistrationTokenException} saying what is wrong with it (never what it is). */
    public static RegistrationToken of(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRegistrationTokenException("must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidRegistrationTokenException("must be at most " + MAX_LENGTH + " characters, was "
                    + value.length());
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidRegistrationTokenException("must be printable ASCII without spaces");
        }
        return new RegistrationToken(value);
    }

    /** The secret itself, for the one request body that carries it to CML. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegistrationToken token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "RegistrationToken[redacted]";
    }
}
