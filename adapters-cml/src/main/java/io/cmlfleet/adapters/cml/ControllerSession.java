package io.cmlfleet.adapters.cml;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * What the client remembers about one controller: its current API token and, after a 429, the moment
 * before which it must not be called. One instance per worker and endpoint, shared by all threads.
 */
final class ControllerSession {

    private String token;
    private Instant notBefore = Instant.MIN;

    /**
     * The cached token, or a new one from {@code login}. Logging in under the lock means that threads
     * arriving together, or after the same 401, share one login instead of each hitting the
     * rate-limited authenticate endpoint.
     */
    synchronized String tokenOrLogin(Supplier<String> login) {
        if (token == null) {
            token = login.get();
        }
        return token;
    }

    /** Forgets {@code refused}, unless another thread already replaced it with a fresh one. */
    synchronized void forget(String refused) {
        if (refused.equals(token)) {
            token = null;
        }
    }

    synchronized void backOffUntil(Instant until) {
        if (until.isAfter(notBefore)) {
            notBefore = until;
        }
    }

    synchronized Instant notBefore() {
        return notBefore;
    }
}
