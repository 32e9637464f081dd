package io.cmlfleet.bootstrap.observability;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** The event store answers: reads the head token (one MAX over the global index on a database store). */
class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final EventStore eventStore;

    EventStoreHealthIndicator(EventStore eventStore) {
        super("The event store cannot be read");
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TrackingToken head = eventStore.createHeadToken();
        builder.up().withDetail("store", eventStore.getClass().getSimpleName());
        // Null (or no position) for an empty store: nothing appended yet.
        builder.withDetail("headPosition", head == null ? -1 : head.position().orElse(-1));
    }
}
