package io.cmlfleet.application.licence;

import io.cmlfleet.domain.worker.LicenceHealthRule;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a licence operation is followed, and how often CML is asked meanwhile.
 *
 * @param timeout      how long {@code GET /licensing} is polled for the end of an operation before it is recorded
 *                     TIMED_OUT ({@code cmlfleet.cml.licence-operation-timeout}); CML's own CSSM timeout is 60 s,
 *                     and a retry may follow, hence two minutes
 * @param pollInterval the pause between two polls ({@code cmlfleet.cml.licence-operation-poll-interval})
 * @param horizon      the expiry horizon the licence read at the end is judged with
 */
public record LicenceOperationSettings(Duration timeout, Duration pollInterval, Duration horizon) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    public LicenceOperationSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(horizon, "horizon");
    }

    public static LicenceOperationSettings defaults() {
        return new LicenceOperationSettings(DEFAULT_TIMEOUT, DEFAULT_POLL_INTERVAL, LicenceHealthRule.DEFAULT_HORIZON);
    }
}
