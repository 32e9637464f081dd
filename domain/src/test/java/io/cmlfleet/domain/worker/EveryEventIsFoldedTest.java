package io.cmlfleet.domain.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import io.cmlfleet.domain.worker.event.WorkerEventTypes;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.junit.jupiter.api.Test;

/**
 * Every event type is folded by {@link WorkerState} and sourced by {@link CMLWorker}, one method each. The compiler
 * already insists (both implement {@code WorkerEventFold}); this test also catches what it cannot: a fold method
 * without {@code @EventSourcingHandler}, which Axon would never call, or a catch-all handler next to the typed ones.
 */
class EveryEventIsFoldedTest {

    private static final List<Class<?>> EVENT_TYPES = List.of(WorkerEvent.class.getPermittedSubclasses());

    @Test
    void theSealedEventTypesAreExactlyTheCatalogue() {
        assertThat(WorkerEvent.class.isSealed()).isTrue();
        assertThat(EVENT_TYPES).containsExactlyInAnyOrderElementsOf(WorkerEventTypes.all().values());
        assertThat(EVENT_TYPES).allSatisfy(type -> assertThat(Modifier.isFinal(type.getModifiers()))
                .as(type + " is final").isTrue());
    }

    @Test
    void workerStateHasAFoldMethodForEveryEventType() {
        assertThat(typesWithoutHandler(WorkerState.class, method -> method.getName().equals("on")
                && Modifier.isPublic(method.getModifiers()))).isEmpty();
    }

    @Test
    void cmlWorkerHasAnEventSourcingHandlerForEveryEventType() {
        assertThat(typesWithoutHandler(CMLWorker.class, EveryEventIsFoldedTest::isEventSourcingHandler)).isEmpty();
    }

    @Test
    void everyEventSourcingHandlerOfCmlWorkerTakesExactlyOneEventType() {
        List<Class<?>> handled = Arrays.stream(CMLWorker.class.getDeclaredMethods())
                .filter(EveryEventIsFoldedTest::isEventSourcingHandler)
                .<Class<?>>map(method -> method.getParameterTypes()[0])
                .filter(type -> type != WorkerSnapshot.class) // a snapshot restores the whole state at once
                .toList();

        assertThat(handled).containsExactlyInAnyOrderElementsOf(EVENT_TYPES);
    }

    @Test
    void theCheckFindsAMissingFold() {
        assertThat(typesWithoutHandler(FoldsOnlyCreation.class, method -> true))
                .hasSize(EVENT_TYPES.size() - 1)
                .doesNotContain(WorkerCreated.class);
    }

    /** The event types for which {@code type} declares no method taking exactly that event and passing the test. */
    private static List<Class<?>> typesWithoutHandler(Class<?> type, Predicate<Method> qualifies) {
        return EVENT_TYPES.stream()
                .filter(event -> Arrays.stream(type.getDeclaredMethods())
                        .noneMatch(method -> method.getParameterCount() == 1
                                && method.getParameterTypes()[0] == event && qualifies.test(method)))
                .toList();
    }

    private static boolean isEventSourcingHandler(Method method) {
        return method.isAnnotationPresent(EventSourcingHandler.class);
    }

    /** A fold that forgot every event but one. */
    @SuppressWarnings("unused")
    private static final class FoldsOnlyCreation {
        void on(WorkerCreated event) {
        }
    }
}
