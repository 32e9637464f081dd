package io.cmlfleet.application.port.cloud;

/** The outcome of an EC2 status check (system or instance reachability), as reported by the provider. */
public enum StatusCheck {
    OK,
    IMPAIRED,
    INSUFFICIENT_DATA,
    INITIALIZING,
    NOT_APPLICABLE,
    /** The provider gave no status for this instance (e.g. it is stopped, or the status call failed). */
    UNKNOWN
}
