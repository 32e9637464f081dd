package io.cmlfleet.bootstrap.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Puts the event counter on the event bus (the event store, in Axon's Spring configuration) once every singleton
 * exists. (Refresh durations are reported by the refresh executor through {@code MonitoringMetrics}.)
 */
class AxonMeteringRegistrar implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(AxonMeteringRegistrar.class);

    private final ObjectProvider<MeterRegistry> registry;
    private final ObjectProvider<EventBus> eventBus;

    AxonMeteringRegistrar(ObjectProvider<MeterRegistry> registry, ObjectProvider<EventBus> eventBus) {
        this.registry = registry;
        this.eventBus = eventBus;
    }

    @Override
    public void afterSingletonsInstantiated() {
        MeterRegistry meters = registry.getIfAvailable();
        if (meters == null) {
            return;
        }
        EventBus events = eventBus.getIfUnique();
        if (events != null) {
            events.registerDispatchInterceptor(new EventsAppendedInterceptor(meters));
        } else {
            LOG.warn("No unique Axon EventBus: {} is not recorded", EventsAppendedInterceptor.EVENTS_APPENDED);
        }
    }
}
