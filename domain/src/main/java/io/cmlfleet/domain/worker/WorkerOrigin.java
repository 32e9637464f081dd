package io.cmlfleet.domain.worker;

/** How a worker came to be known to cmlfleet. */
public enum WorkerOrigin {
    /** Launched (or about to be launched) and registered through cmlfleet. */
    REGISTERED,
    /** An EC2 instance that already existed, adopted by cmlfleet. */
    IMPORTED
}
