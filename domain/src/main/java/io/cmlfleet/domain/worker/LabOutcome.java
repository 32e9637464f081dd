package io.cmlfleet.domain.worker;

/** How a lab action ended: CML did it, or refused or failed it (the error code and message say why). */
public enum LabOutcome {
    SUCCEEDED,
    FAILED
}
