package io.cmlfleet.simulator;

import java.time.Instant;

/**
 * CPU and memory load of a worker as a pure function of time: a slow daily-ish swing, a faster wobble, noise that
 * changes every minute, and extra load for every running lab node. Pure so that CloudWatch, CML and tests all see
 * the same figure for the same instant, and so that no thread has to update anything.
 */
final class LoadModel {

    private static final double SWING_PERIOD_SECONDS = 3 * 3600;
    private static final double WOBBLE_PERIOD_SECONDS = 17 * 60;
    private static final long NOISE_STREAM = 0x4E4F495345L;

    private LoadModel() {
    }

    static double cpuPercent(long seed, int ordinal, InstanceTraits traits, Instant at) {
        double seconds = at.getEpochSecond();
        double swing = 20 * Math.sin(2 * Math.PI * seconds / SWING_PERIOD_SECONDS + traits.loadPhase());
        double wobble = 6 * Math.sin(2 * Math.PI * seconds / WOBBLE_PERIOD_SECONDS + 2 * traits.loadPhase());
        double noise = 4 * (SeededChance.unit(seed, NOISE_STREAM + ordinal, at.getEpochSecond() / 60) - 0.5);
        return round(clamp(traits.baseCpuPercent() + swing + wobble + noise + 0.4 * traits.runningNodes()));
    }

    static double memoryPercent(long seed, int ordinal, InstanceTraits traits, Instant at) {
        double seconds = at.getEpochSecond();
        double swing = 8 * Math.sin(2 * Math.PI * seconds / SWING_PERIOD_SECONDS + traits.loadPhase() + 1);
        double noise = 2 * (SeededChance.unit(seed, NOISE_STREAM - ordinal, at.getEpochSecond() / 60) - 0.5);
        return round(clamp(traits.baseMemPercent() + swing + noise + 0.6 * traits.runningNodes()));
    }

    private static double clamp(double percent) {
        return Math.max(0, Math.min(100, percent));
    }

    /** Two decimals, as CloudWatch consoles show them; keeps wire values readable in logs. */
    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
