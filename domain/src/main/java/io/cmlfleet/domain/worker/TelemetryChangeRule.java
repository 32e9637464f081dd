package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Whether a telemetry sample moved far enough from the last recorded one to be worth an event. A steady worker's
 * CPU and memory wobble by fractions of a percent every refresh; recording each wobble would make telemetry most of
 * the event store (at 10,000 workers, gigabytes a day) and say nothing a post-mortem needs. Comparing with the last
 * <em>recorded</em> sample, not the last observed one, lets a slow drift through once it adds up.
 */
final class TelemetryChangeRule {

    private TelemetryChangeRule() {
    }

    static boolean movedEnough(TelemetryUpdated last, TelemetryUpdated sample, double minChangePoints) {
        if (last == null || minChangePoints <= 0) {
            return true;
        }
        return moved(last.cpuPercent(), sample.cpuPercent(), minChangePoints)
                || moved(last.memoryPercent(), sample.memoryPercent(), minChangePoints);
    }

    /** The stage detail for a sample left out: what was observed, so the history still shows it. */
    static String describeUnrecorded(TelemetryUpdated sample, double minChangePoints) {
        return "cpu " + percent(sample.cpuPercent()) + ", memory " + percent(sample.memoryPercent()) + ": within "
                + oneDecimal(minChangePoints) + " points of the last recorded sample, not recorded";
    }

    private static String percent(Double value) {
        return value == null ? "n/a" : oneDecimal(value) + " %";
    }

    private static String oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** A metric that appears or disappears has moved; otherwise by at least the given points. */
    private static boolean moved(Double before, Double now, double minChangePoints) {
        if (before == null || now == null) {
            return before != now;
        }
        return Math.abs(now - before) >= minChangePoints;
    }
}
