package io.cmlfleet.domain.worker;

/**
 * How a licence operation ended: CML reports it done (SUCCEEDED), CML refused it or reports it failed (FAILED, with
 * CML's text), or it was still in progress when the operation timeout ran out (TIMED_OUT: CML may still finish it,
 * and the next licence check records what it did).
 */
public enum LicenceOperationOutcome {
    SUCCEEDED,
    FAILED,
    TIMED_OUT
}
