package io.cmlfleet.application.monitoring;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.saga.SagaScopeDescriptor;

/**
 * Stands in for the saga manager: resolves monitoring-saga scopes and records every deadline delivered to one,
 * optionally reacting to it (as the saga does by scheduling the next deadline).
 */
final class RecordingWorkerScopes implements ScopeAwareProvider, ScopeAware {

    static final String SAGA_TYPE = WorkerMonitoringSaga.class.getSimpleName();

    record Delivery(String sagaId, String deadlineName, Object payload, String node) {
    }

    private final String node;
    private final Queue<Delivery> deliveries;
    private volatile Consumer<Delivery> reaction = delivery -> { };

    RecordingWorkerScopes(String node, Queue<Delivery> deliveries) {
        this.node = node;
        this.deliveries = deliveries;
    }

    RecordingWorkerScopes(String node) {
        this(node, new ConcurrentLinkedQueue<>());
    }

    static SagaScopeDescriptor scopeOf(String workerId) {
        return new SagaScopeDescriptor(SAGA_TYPE, workerId);
    }

    void reactWith(Consumer<Delivery> reaction) {
        this.reaction = reaction;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public Stream<ScopeAware> provideScopeAwareStream(ScopeDescriptor scopeDescriptor) {
        return Stream.of(this);
    }

    @Override
    public boolean canResolve(ScopeDescriptor scopeDescription) {
        return scopeDescription instanceof SagaScopeDescriptor saga && SAGA_TYPE.equals(saga.getType());
    }

    @Override
    public void send(Message<?> message, ScopeDescriptor scopeDescription) {
        SagaScopeDescriptor saga = (SagaScopeDescriptor) scopeDescription;
        String deadlineName = ((org.axonframework.deadline.DeadlineMessage<?>) message).getDeadlineName();
        Delivery delivery = new Delivery(String.valueOf(saga.getIdentifier()), deadlineName, message.getPayload(), node);
        deliveries.add(delivery);
        reaction.accept(delivery);
    }
}
