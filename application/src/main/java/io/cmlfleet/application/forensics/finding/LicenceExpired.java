package io.cmlfleet.application.forensics.finding;

import java.time.Instant;

/**
 * A licence check found the authorization or registration past its expiry date.
 *
 * @param at        when the check saw it
 * @param what      {@code authorization} or {@code registration}
 * @param expiredAt the expiry date CML reported
 */
public record LicenceExpired(Instant at, String what, Instant expiredAt) implements Finding {
}
