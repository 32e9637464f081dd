package io.cmlfleet.application.forensics.history;

import java.time.Duration;

/** Durations the way operators say them: {@code 45s}, {@code 4m 30s}, {@code 2h 5m}, {@code 3d 4h}. */
public final class HumanDurations {

    private HumanDurations() {
    }

    public static String format(Duration duration) {
        if (duration == null) {
            return "n/a";
        }
        long seconds = Math.abs(duration.getSeconds());
        String sign = duration.isNegative() ? "-" : "";
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long secs = seconds % 60;
        if (days > 0) {
            return sign + days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        if (hours > 0) {
            return sign + hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        }
        if (minutes > 0) {
            return sign + minutes + "m" + (secs > 0 ? " " + secs + "s" : "");
        }
        if (secs == 0 && duration.getNano() > 0) {
            return sign + duration.toMillis() + "ms";
        }
        return sign + secs + "s";
    }
}
