package io.cmlfleet.domain.worker;

import java.util.Locale;

/**
 * What an operator can do to a lab on a worker's CML controller. Each maps to one CML REST call; IMPORT creates a
 * lab (so it names no existing lab), DOWNLOAD only reads the topology but is recorded like the others because it
 * hands a lab's whole definition out of the controller.
 */
public enum LabAction {
    START("started"),
    STOP("stopped"),
    WIPE("wiped"),
    DELETE("deleted"),
    IMPORT("imported"),
    DOWNLOAD("downloaded");

    private final String pastTense;

    LabAction(String pastTense) {
        this.pastTense = pastTense;
    }

    /** The verb for the timeline: "lab X stopped by alice". */
    public String pastTense() {
        return pastTense;
    }

    /** Whether the action names an existing lab (every action but IMPORT). */
    public boolean needsLabId() {
        return this != IMPORT;
    }

    public String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
