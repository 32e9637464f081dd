package io.cmlfleet.bootstrap;

import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Finds the saga a deadline belongs to through Axon's configuration, looked up only when a deadline fires: the
 * configuration itself needs the deadline manager, so it cannot be handed over when the manager is built.
 */
class LazyScopeAwareProvider implements ScopeAwareProvider {

    private final ObjectProvider<Configuration> configuration;

    LazyScopeAwareProvider(ObjectProvider<Configuration> configuration) {
        this.configuration = configuration;
    }

    @Override
    public Stream<ScopeAware> provideScopeAwareStream(ScopeDescriptor scopeDescriptor) {
        return new ConfigurationScopeAwareProvider(configuration.getObject()).provideScopeAwareStream(scopeDescriptor);
    }
}
