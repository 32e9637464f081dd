package io.cmlfleet.domain.worker;

/** What started a refresh of a worker. */
public enum RefreshTrigger {
    /** The worker's monitoring deadline fired. */
    SCHEDULED,
    /** An operator or host asked for it ("Refresh" button). */
    ON_DEMAND
}
