package io.cmlfleet.domain.worker;

/** How one stage of a refresh ended. */
public enum StageResult {
    /** The stage ran and its observation was recorded. */
    RAN,
    /** The stage did not run; the outcome's detail says why (the refresh gate's words). */
    SKIPPED,
    /** The stage ran and failed; a {@code RefreshFailed} event carries the error. */
    FAILED
}
