package io.cmlfleet.application.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** A clock that reads a test fixture's time, so the saga's "now" moves with whenTimeElapses / whenTimeAdvancesTo. */
final class FixtureTimeClock extends Clock {

    private final Supplier<Instant> time;

    FixtureTimeClock(Supplier<Instant> time) {
        this.time = time;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return time.get();
    }
}
