package io.cmlfleet.application.forensics.history;

import java.time.Instant;

/**
 * A half-open window of time {@code [from, to)}; either end may be {@code null} for "unbounded", so the same type
 * serves "the whole history" and "last night between 02:00 and 03:00".
 *
 * @param from first instant included, or {@code null}
 * @param to   first instant excluded, or {@code null}
 */
public record TimeWindow(Instant from, Instant to) {

    public TimeWindow {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("window ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static TimeWindow all() {
        return new TimeWindow(null, null);
    }

    public static TimeWindow between(Instant from, Instant to) {
        return new TimeWindow(from, to);
    }

    public boolean contains(Instant at) {
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }

    /** Whether the instant lies after the window (so a time-ordered scan can stop). */
    public boolean isAfter(Instant at) {
        return to != null && !at.isBefore(to);
    }

    /** Whether the stretch {@code [start, end]} shares at least one instant with the window. */
    public boolean overlaps(Instant start, Instant end) {
        return (to == null || start.isBefore(to)) && (from == null || !end.isBefore(from));
    }

    @Override
    public String toString() {
        return (from == null ? "beginning" : from.toString()) + " .. " + (to == null ? "end" : to.toString());
    }
}
