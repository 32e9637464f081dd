package io.cmlfleet.domain.worker;

/** An action an operator or a policy asks EC2 to take on a worker's instance. */
public enum LifecycleAction {
    START,
    STOP,
    TERMINATE
}
