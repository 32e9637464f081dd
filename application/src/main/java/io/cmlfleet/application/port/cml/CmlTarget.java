package io.cmlfleet.application.port.cml;

import java.net.URI;
import java.util.Objects;

/**
 * One CML controller to talk to: the worker it runs on and the base address of its web server
 * (for example {@code https://10.0.3.7}); the adapter appends {@code /api/v0/...} itself.
 */
public record CmlTarget(String workerId, URI endpoint) {

    public CmlTarget {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(endpoint, "endpoint");
        if (workerId.isBlank()) {
            throw new IllegalArgumentException("workerId must not be blank");
        }
        if (!endpoint.isAbsolute() || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an absolute URI with a host: " + endpoint);
        }
    }
}
