package io.cmlfleet.application.readmodel.deadletter;

import java.time.Instant;
import org.axonframework.messaging.MetaData;

/**
 * The count of events a full sequence did not keep, stored in the diagnostics of the sequence's first letter (the
 * one an operator retries or evicts), so it needs no table of its own and goes with the sequence.
 */
final class SkippedEvents {

    static final String COUNT = "skippedEvents";
    static final String LAST_AT = "lastSkippedAt";

    private SkippedEvents() {
    }

    static long count(MetaData diagnostics) {
        return diagnostics.get(COUNT) instanceof Number number ? number.longValue() : 0;
    }

    /** The diagnostics with one more skipped event. */
    static MetaData plusOne(MetaData diagnostics, Instant at) {
        return diagnostics.and(COUNT, count(diagnostics) + 1).and(LAST_AT, at.toString());
    }
}
