package io.cmlfleet.simulator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses a configured share of AWS requests as throttled. Which requests is decided by a hash of the request's
 * sequence number, so the pattern is the same in every run for the same seed and order of requests.
 */
final class ThrottleInjector {

    private static final long THROTTLE_STREAM = 0x7474L;

    private final long seed;
    private final double percent;
    private final AtomicLong sequence = new AtomicLong();

    ThrottleInjector(long seed, double percent) {
        this.seed = seed;
        this.percent = percent;
    }

    boolean throttleNext() {
        if (percent <= 0) {
            return false;
        }
        return SeededChance.percent(seed, THROTTLE_STREAM, sequence.incrementAndGet(), percent);
    }
}
