package io.cmlfleet.application.labs;

import java.time.Duration;
import java.util.Objects;

/**
 * How a lab listing round goes over the fleet.
 *
 * @param parallelism workers listed at once. A listing is one call per lab plus the licence reads, each up to the CML
 *                    read timeout on a slow controller: one at a time, a round over 10,000 workers took more than 28
 *                    minutes against a 5-minute interval
 * @param stopWait    how long stopping the node waits for listings in flight; they are left to finish, never
 *                    interrupted (an interrupt in the middle of JDBC work damaged the embedded store)
 */
public record LabListingSettings(int parallelism, Duration stopWait) {

    public static final int DEFAULT_PARALLELISM = 4;
    public static final Duration DEFAULT_STOP_WAIT = Duration.ofSeconds(10);

    public LabListingSettings {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        Objects.requireNonNull(stopWait, "stopWait");
        if (stopWait.isNegative()) {
            throw new IllegalArgumentException("stopWait must not be negative, was " + stopWait);
        }
    }

    public static LabListingSettings defaults() {
        return new LabListingSettings(DEFAULT_PARALLELISM, DEFAULT_STOP_WAIT);
    }
}
