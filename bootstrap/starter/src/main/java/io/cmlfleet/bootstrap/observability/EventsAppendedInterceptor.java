package io.cmlfleet.bootstrap.observability;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Counts events as {@value #EVENTS_APPENDED} by payload type once they are stored: events published inside a unit
 * of work (every command handler) are counted when it commits, so a rolled-back command counts nothing.
 */
class EventsAppendedInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    static final String EVENTS_APPENDED = "cmlfleet.events.appended";

    private final MeterRegistry registry;

    EventsAppendedInterceptor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> count(event));
            } else {
                count(event);
            }
            return event;
        };
    }

    private void count(EventMessage<?> event) {
        registry.counter(EVENTS_APPENDED, "type", event.getPayloadType().getSimpleName()).increment();
    }
}
