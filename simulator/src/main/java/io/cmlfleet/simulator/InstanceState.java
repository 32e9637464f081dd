package io.cmlfleet.simulator;

/** The EC2 instance states with the codes EC2 puts on the wire (low byte of {@code instanceState.code}). */
public enum InstanceState {
    PENDING(0, "pending"),
    RUNNING(16, "running"),
    SHUTTING_DOWN(32, "shutting-down"),
    TERMINATED(48, "terminated"),
    STOPPING(64, "stopping"),
    STOPPED(80, "stopped");

    private final int code;
    private final String wireName;

    InstanceState(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    public int code() {
        return code;
    }

    public String wireName() {
        return wireName;
    }
}
