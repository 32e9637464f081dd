package io.cmlfleet.application.forensics.finding;

import java.time.Instant;

/**
 * A licence check found the last renewal failed, as CML reported it (CML may still say IN_COMPLIANCE).
 *
 * @param at          when the check saw it
 * @param what        {@code authorization} or {@code registration}
 * @param attempted   when CML attempted the renewal; null when it did not say
 * @param failure     CML's failure text, e.g. {@code Connection timed out after 60003 milliseconds}; null if none
 * @param nextAttempt CML's next scheduled attempt; null when none is scheduled
 */
public record LicenceRenewalFailed(Instant at, String what, Instant attempted, String failure, Instant nextAttempt)
        implements Finding {
}
