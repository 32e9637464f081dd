package io.cmlfleet.application.port.cml;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a call to a CML controller failed. The message is meant for operators: it names the controller
 * and the endpoint, never a password or a token.
 */
public class CmlAccessException extends RuntimeException {

    /** The failure classes callers react to differently (retry later, fix configuration, alert...). */
    public enum Kind {
        /** Connection refused, host unknown, connection dropped before an answer. */
        UNREACHABLE,
        /** The TLS handshake failed: untrusted or mismatched certificate, protocol mismatch. */
        TLS_FAILURE,
        /** No connection or no answer within the configured timeouts. */
        TIMEOUT,
        /** The controller rejected the user name or password on login. */
        BAD_CREDENTIALS,
        /** The token was refused even after a fresh login, or the user lacks the permission. */
        UNAUTHORIZED,
        /** The controller answered 429; see {@link #retryAfter()}. */
        RATE_LIMITED,
        /** The controller answered with a 5xx or another status the client cannot act on. */
        SERVER_ERROR,
        /** The body was not the JSON expected: unparsable, truncated or of the wrong shape. */
        MALFORMED_RESPONSE,
        /** The body exceeded the configured size cap; reading stopped at the cap. */
        RESPONSE_TOO_LARGE,
        /**
         * The controller refused an operation with a 4xx (other than 401/403/429): an invalid transition, an unknown
         * lab, a body it cannot use. Only operations report it; reads keep reporting an unexpected status.
         */
        REJECTED
    }

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final Duration retryAfter;

    public CmlAccessException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public CmlAccessException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    public CmlAccessException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** How long the controller asked us to wait, when it said so (only for {@link Kind#RATE_LIMITED}). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
