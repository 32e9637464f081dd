package io.cmlfleet.application.forensics.finding;

import java.time.Instant;
import java.util.List;

/**
 * The licence changed between two checks: registration or authorization status, product licence, enterprise flag,
 * smart or virtual account.
 *
 * @param at      when the check saw the change
 * @param changes each change, e.g. {@code registration COMPLETED → NOT_REGISTERED}
 */
public record LicenceChanged(Instant at, List<String> changes) implements Finding {

    public LicenceChanged {
        changes = List.copyOf(changes);
    }
}
