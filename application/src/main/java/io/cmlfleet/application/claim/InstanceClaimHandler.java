package io.cmlfleet.application.claim;

import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Keeps {@link InstanceClaims} in step with the workers: a created worker claims its instance, a terminated one
 * releases it. Must run in a subscribing processor whose errors propagate ({@link #PROCESSING_GROUP}, configured so
 * by the host): then it runs in the unit of work, and the database transaction, that appends the event, and a refused
 * claim fails the command instead of being logged after the fact.
 */
@ProcessingGroup(InstanceClaimHandler.PROCESSING_GROUP)
public class InstanceClaimHandler {

    public static final String PROCESSING_GROUP = "instance-claims";

    private final InstanceClaims claims;

    public InstanceClaimHandler(InstanceClaims claims) {
        this.claims = Objects.requireNonNull(claims, "claims");
    }

    @EventHandler
    void on(WorkerCreated event) {
        claims.claim(event.region(), event.instanceId(), event.workerId(), event.createdAt());
    }

    @EventHandler
    void on(WorkerTerminated event) {
        claims.release(event.workerId());
    }
}
