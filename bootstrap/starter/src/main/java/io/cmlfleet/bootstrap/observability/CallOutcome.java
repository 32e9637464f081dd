package io.cmlfleet.bootstrap.observability;

import java.time.Instant;

/**
 * How one call through a port ended.
 *
 * @param operation the port method, e.g. {@code describeAll}
 * @param outcome   {@code success} or the failure kind in lower case, e.g. {@code throttled}, {@code unreachable}
 * @param reached   whether the service answered at all (an unknown instance id is an answer; a timeout is not)
 * @param detail    the failure message, which the ports keep free of credentials; null on success
 */
public record CallOutcome(String operation, String outcome, boolean reached, Instant at, String detail) {

    public static final String SUCCESS = "success";

    public boolean succeeded() {
        return SUCCESS.equals(outcome);
    }
}
