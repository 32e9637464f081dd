package io.cmlfleet.application.claim;

import java.util.Optional;

/**
 * A worker was to be created for an instance that another live worker already watches in the same region. Thrown
 * while the new worker's {@code WorkerCreated} is being committed, so nothing of it is stored. The message names the
 * other worker, which is what the operator needs to decide (terminate that one, or import another instance).
 */
public class InstanceAlreadyWatchedException extends RuntimeException {

    private final String region;
    private final String instanceId;
    private final String watchedBy;

    public InstanceAlreadyWatchedException(String region, String instanceId, String watchedBy, String refusedWorker) {
        super("Instance " + instanceId + " in " + region + " is already watched by worker " + watchedBy
                + "; worker " + refusedWorker + " was not created (an instance is watched by at most one live"
                + " worker: terminate " + watchedBy + " first, or choose another instance)", null, false, false);
        this.region = region;
        this.instanceId = instanceId;
        this.watchedBy = watchedBy;
    }

    public String region() {
        return region;
    }

    public String instanceId() {
        return instanceId;
    }

    /** The live worker that watches the instance. */
    public String watchedBy() {
        return watchedBy;
    }

    /**
     * This exception if it is somewhere in a failure's causes: Axon hands it back wrapped (the event processor's and
     * the command bus's exceptions) when the claim fails during a command's commit.
     */
    public static Optional<InstanceAlreadyWatchedException> in(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof InstanceAlreadyWatchedException claimed) {
                return Optional.of(claimed);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return Optional.empty();
    }
}
