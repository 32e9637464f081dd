package io.cmlfleet.domain.worker;

/** A stage of the refresh cycle, in the order the cycle runs them; a failure names the stage it happened in. */
public enum RefreshStage {
    EC2_OBSERVATION,
    HEALTH_CHECK,
    CML_INFORMATION,
    CML_STATS,
    CML_LICENSING,
    CML_LABS,
    TELEMETRY,
    IDLE_CHECK
}
