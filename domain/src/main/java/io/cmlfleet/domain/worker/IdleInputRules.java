package io.cmlfleet.domain.worker;

import java.time.Duration;

/** The bounds of what operators ask of idle stopping; messages start {@code Invalid <field>:}, as every rule's. */
public final class IdleInputRules {

    /** A snooze shorter than this is a typo (seconds for minutes), not a decision. */
    public static final Duration MIN_SNOOZE = Duration.ofMinutes(1);
    /** Longer than a week is an opt-out, which says so: {@code ConfigureIdleStop}. */
    public static final Duration MAX_SNOOZE = Duration.ofDays(7);

    private IdleInputRules() {
    }

    public static Duration snooze(String field, Duration value) {
        Duration duration = WorkerInputRules.required(field, value);
        if (duration.compareTo(MIN_SNOOZE) < 0 || duration.compareTo(MAX_SNOOZE) > 0) {
            throw new InvalidWorkerInputException(field, "must be between " + MIN_SNOOZE + " and " + MAX_SNOOZE
                    + " (got " + duration + ")");
        }
        return duration;
    }
}
