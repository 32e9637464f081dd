package io.cmlfleet.application.eventstore;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every event upcaster of cmlfleet, in the order they must run. The host registers them with the event store
 * ({@code configurer.registerEventUpcaster(c -> upcaster)} for each of {@link #all()}, or passes {@link #chain()}
 * to a storage engine's {@code upcasterChain(...)}); without them, old revisions read with defaults, not their
 * real values.
 */
public final class CmlfleetUpcasters {

    private CmlfleetUpcasters() {
    }

    /** In chain order; add new upcasters at the end. */
    public static List<EventUpcaster> all() {
        return List.of(new RefreshFailedRetryableUpcaster());
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(all());
    }
}
