package io.cmlfleet.bootstrap.observability;

import io.cmlfleet.application.readmodel.deadletter.DeadLetterStore;
import io.cmlfleet.application.refresh.RefreshExecutor;
import io.cmlfleet.bootstrap.CmlfleetAutoConfiguration;
import io.cmlfleet.bootstrap.CmlfleetStorageAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Metrics and health of the library, in any host (web or not): calls through the ports counted by service and
 * outcome, refresh durations, events appended, active sagas. The health component is in
 * {@link CmlfleetHealthAutoConfiguration}. Every bean backs off for a host bean of the same name or type.
 */
@AutoConfiguration(after = {CmlfleetAutoConfiguration.class, CmlfleetStorageAutoConfiguration.class})
@ConditionalOnClass(MeterRegistry.class)
public class CmlfleetObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ExternalCallOutcomes cmlfleetExternalCallOutcomes(ObjectProvider<Clock> clock) {
        return new ExternalCallOutcomes(clock.getIfAvailable(Clock::systemUTC));
    }

    /** Static: a post-processor must exist before the beans it wraps; its dependencies are looked up lazily. */
    @Bean
    @ConditionalOnMissingBean
    public static MeteredPortsPostProcessor cmlfleetMeteredPortsPostProcessor(
            ObjectProvider<MeterRegistry> registry, ObjectProvider<ExternalCallOutcomes> outcomes) {
        return new MeteredPortsPostProcessor(registry, outcomes);
    }

    @Bean
    @ConditionalOnMissingBean(name = "cmlfleetAxonMeteringRegistrar")
    AxonMeteringRegistrar cmlfleetAxonMeteringRegistrar(ObjectProvider<MeterRegistry> registry,
                                                        ObjectProvider<EventBus> eventBus) {
        return new AxonMeteringRegistrar(registry, eventBus);
    }

    @Bean
    @ConditionalOnMissingBean(name = "cmlfleetActiveSagasMeterBinder")
    ActiveSagasMeterBinder cmlfleetActiveSagasMeterBinder(DataSource dataSource) {
        return new ActiveSagasMeterBinder(new JdbcTemplate(dataSource));
    }

    @Bean
    @ConditionalOnBean(RefreshExecutor.class)
    @ConditionalOnMissingBean(name = "cmlfleetSlowControllersMeterBinder")
    SlowControllersMeterBinder cmlfleetSlowControllersMeterBinder(RefreshExecutor executor) {
        return new SlowControllersMeterBinder(executor);
    }

    @Bean
    @ConditionalOnBean(DeadLetterStore.class)
    @ConditionalOnMissingBean(name = "cmlfleetProjectionDeadLettersMeterBinder")
    ProjectionDeadLettersMeterBinder cmlfleetProjectionDeadLettersMeterBinder(DeadLetterStore store) {
        return new ProjectionDeadLettersMeterBinder(store);
    }
}
