package io.cmlfleet.bootstrap.observability;

import io.cmlfleet.application.monitoring.DurableDeadlines;
import io.cmlfleet.application.readmodel.deadletter.DeadLetterStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code cmlfleet} health component with {@code eventStore}, {@code deadlines}, {@code projections},
 * {@code aws} and {@code cml}, when the host has Spring Boot Actuator (the starter does not bring it);
 * {@code management.health.cmlfleet.enabled=false} removes it. A class of its own, so that hosts without Actuator never load a class that refers to it.
 */
@AutoConfiguration(after = CmlfleetObservabilityAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ExternalCallOutcomes.class)
@ConditionalOnEnabledHealthIndicator("cmlfleet")
public class CmlfleetHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "cmlfleetHealthContributor")
    HealthContributor cmlfleetHealthContributor(ObjectProvider<EventStore> eventStore,
                                                ObjectProvider<DurableDeadlines> deadlines,
                                                ObjectProvider<DeadLetterStore> deadLetters,
                                                DataSource dataSource, ExternalCallOutcomes outcomes,
                                                ObjectProvider<Clock> clock) {
        Map<String, HealthContributor> indicators = new LinkedHashMap<>();
        eventStore.ifUnique(store -> indicators.put("eventStore", new EventStoreHealthIndicator(store)));
        deadlines.ifAvailable(durable -> indicators.put("deadlines", new DeadlinesHealthIndicator(durable,
                new JdbcTemplate(dataSource), clock.getIfAvailable(Clock::systemUTC))));
        deadLetters.ifAvailable(store -> indicators.put("projections",
                new ProjectionDeadLettersHealthIndicator(store)));
        indicators.put("aws", new AwsReachabilityHealthIndicator(outcomes));
        indicators.put("cml", new CmlReachabilityHealthIndicator(outcomes));
        return CompositeHealthContributor.fromMap(indicators);
    }
}
