package io.cmlfleet.domain.worker;

import java.util.Locale;

/**
 * Lifecycle status of a CML worker, derived from the state EC2 reports for its instance.
 *
 * <p>This enum is the one place where EC2 instance states (names and codes) are mapped to worker status.
 */
public enum WorkerStatus {
    PENDING,
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED,
    SHUTTING_DOWN,
    TERMINATED,
    FAILED,
    UNKNOWN;

    /**
     * Maps an EC2 instance state name ({@code pending}, {@code running}, ...) to a worker status.
     * Unrecognised or missing names map to {@link #UNKNOWN}: EC2 may add states, and a monitor must not crash on them.
     */
    public static WorkerStatus fromEc2StateName(String ec2StateName) {
        if (ec2StateName == null) {
            return UNKNOWN;
        }
        return switch (ec2StateName.trim().toLowerCase(Locale.ROOT)) {
            case "pending" -> PENDING;
            case "running" -> RUNNING;
            case "shutting-down" -> SHUTTING_DOWN;
            case "terminated" -> TERMINATED;
            case "stopping" -> STOPPING;
            case "stopped" -> STOPPED;
            default -> UNKNOWN;
        };
    }

    /**
     * Maps an EC2 instance state code to a worker status. EC2 documents that only the low byte carries the state
     * (0 pending, 16 running, 32 shutting-down, 48 terminated, 64 stopping, 80 stopped); the high byte is internal.
     */
    public static WorkerStatus fromEc2StateCode(int ec2StateCode) {
        return switch (ec2StateCode & 0xFF) {
            case 0 -> PENDING;
            case 16 -> RUNNING;
            case 32 -> SHUTTING_DOWN;
            case 48 -> TERMINATED;
            case 64 -> STOPPING;
            case 80 -> STOPPED;
            default -> UNKNOWN;
        };
    }

    /**
     * Maps an EC2 observation that may carry a name, a code or both. The code wins when it is known, because it
     * is the documented, language-independent form; the name is the fallback.
     */
    public static WorkerStatus fromEc2State(String ec2StateName, Integer ec2StateCode) {
        if (ec2StateCode != null) {
            WorkerStatus byCode = fromEc2StateCode(ec2StateCode);
            if (byCode != UNKNOWN) {
                return byCode;
            }
        }
        return fromEc2StateName(ec2StateName);
    }

    /** Whether the worker is on its way up: refreshes run at the fast cadence while this holds. */
    public boolean isTransitional() {
        return this == PENDING || this == STARTING || this == STOPPING || this == SHUTTING_DOWN;
    }
}
