package io.cmlfleet.application.port.cml;

import java.util.Objects;

/**
 * User name and password for a CML controller. {@link #toString()} never shows the password, so the
 * record can be logged or end up in an exception message without leaking the secret.
 */
public record CmlCredentials(String username, String password) {

    public CmlCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
    }

    @Override
    public String toString() {
        return "CmlCredentials[username=" + username + ", password=******]";
    }
}
