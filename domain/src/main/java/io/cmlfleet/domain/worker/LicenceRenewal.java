package io.cmlfleet.domain.worker;

import java.time.Instant;

/**
 * One {@code renew_time} (or {@code register_time}) block of CML's licensing body: the last attempt and how it went.
 *
 * @param status    {@code status}: e.g. SUCCEEDED, FAILED; null when CML has not said
 * @param failure   {@code failure}: CML's text for a failed attempt (e.g. "Connection timed out after 60003
 *                  milliseconds"); CML also puts "OK" here for a good one
 * @param attempted {@code attempted}, read as UTC
 * @param scheduled {@code scheduled}: the next attempt, read as UTC
 */
public record LicenceRenewal(String status, String failure, Instant attempted, Instant scheduled) {

    /** Whether the last attempt failed, as CML reports it. */
    public boolean failed() {
        return "FAILED".equalsIgnoreCase(status);
    }
}
