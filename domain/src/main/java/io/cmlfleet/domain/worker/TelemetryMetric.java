package io.cmlfleet.domain.worker;

/** A telemetry metric that has a breach threshold. */
public enum TelemetryMetric {
    /** {@code AWS/EC2 CPUUtilization}, percent. */
    CPU,
    /** {@code CWAgent mem_used_percent}, percent. */
    MEMORY
}
