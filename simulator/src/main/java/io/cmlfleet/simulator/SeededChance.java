package io.cmlfleet.simulator;

/**
 * Deterministic pseudo-randomness without shared mutable state: every draw is a hash of (seed, stream, index), so
 * any instance's traits, and any request's fault, can be computed on demand in any order and by any thread, and the
 * same seed always gives the same fleet.
 */
final class SeededChance {

    private SeededChance() {
    }

    /** SplitMix64's finaliser: a bijection on 64 bits with good avalanche. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long stream, long index) {
        return mix(mix(seed ^ mix(stream)) + index);
    }

    /** Uniform in [0, 1). */
    static double unit(long seed, long stream, long index) {
        return (hash(seed, stream, index) >>> 11) * 0x1.0p-53;
    }

    /** True with the given probability in percent (0..100). */
    static boolean percent(long seed, long stream, long index, double percent) {
        return unit(seed, stream, index) * 100.0 < percent;
    }

    /** Uniform integer in [from, to]. */
    static int between(long seed, long stream, long index, int from, int to) {
        return from + (int) Math.floor(unit(seed, stream, index) * (to - from + 1));
    }
}
