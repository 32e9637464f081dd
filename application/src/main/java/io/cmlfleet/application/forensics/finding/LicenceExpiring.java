package io.cmlfleet.application.forensics.finding;

import java.time.Duration;
import java.time.Instant;

/**
 * A licence check found the authorization or registration expiring within the horizon.
 *
 * @param at        when the check saw it
 * @param what      {@code authorization} or {@code registration}
 * @param expiresAt the expiry date CML reported
 * @param horizon   the horizon the check judged with ({@code cmlfleet.cml.licence-expiry-horizon})
 */
public record LicenceExpiring(Instant at, String what, Instant expiresAt, Duration horizon) implements Finding {
}
