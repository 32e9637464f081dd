package io.cmlfleet.domain.worker;

/** How a worker's HTTPS endpoint was set. */
public enum EndpointSource {
    /** Derived from the public IP while the worker is RUNNING; cleared when it leaves RUNNING. */
    AUTO,
    /** Set by an operator; never overwritten by auto-population and kept across stops. */
    MANUAL
}
