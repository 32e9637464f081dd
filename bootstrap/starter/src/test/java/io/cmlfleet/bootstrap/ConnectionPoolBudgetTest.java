package io.cmlfleet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.bootstrap.config.StorageMode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** What a node needs at once, derived from the settings, and when a configuration would starve. */
class ConnectionPoolBudgetTest {

    @Test
    void theJdbcModesNeedAConnectionPerProcessorDeadlineThreadAndRefreshThread() {
        ConnectionPoolBudget defaults = new ConnectionPoolBudget(StorageMode.POSTGRESQL, 8, 4, 4, 10, 10,
                Optional.empty());
        // 7 processors + 4 deadline threads + their poller + 8 refresh threads + 4 lab listers + 4 margin.
        assertThat(defaults.connectionsNeeded()).isEqualTo(28);
        assertThat(defaults.starvation()).isEmpty();
        assertThat(new ConnectionPoolBudget(StorageMode.POSTGRESQL, 8, 4, 4, 10, 10, Optional.of(27)).starvation())
                .hasValueSatisfying(refused -> assertThat(refused.property())
                        .isEqualTo("spring.datasource.hikari.maximum-pool-size"));
        assertThat(new ConnectionPoolBudget(StorageMode.POSTGRESQL, 8, 4, 4, 1, 1, Optional.of(28)).starvation())
                .as("Axon Server's threads do not count without Axon Server").isEmpty();
    }

    @Test
    void axonServerModeCountsItsCommandAndQueryThreadsAndNeedsCommandThreadsForEveryRefreshThread() {
        ConnectionPoolBudget tested = new ConnectionPoolBudget(StorageMode.AXON_SERVER, 8, 4, 4, 12, 10,
                Optional.of(40));
        assertThat(tested.connectionsNeeded()).isEqualTo(7 + 5 + 12 + 10 + 4);
        assertThat(tested.starvation()).isEmpty();
        assertThat(new ConnectionPoolBudget(StorageMode.AXON_SERVER, 8, 4, 4, 9, 10, Optional.empty()).starvation())
                .hasValueSatisfying(refused -> assertThat(refused.property())
                        .isEqualTo("axon.axonserver.command-threads"));
    }

    @Test
    void theEnvironmentGetsThePoolItNeedsUnlessTheOperatorSetOne() {
        assertThat(poolSizeAfterDefaults(Map.of("cmlfleet.refresh.parallelism", "16"))).isEqualTo("36");
        assertThat(poolSizeAfterDefaults(Map.of("cmlfleet.monitoring.lab-listing-parallelism", "1"))).isEqualTo("25");
        assertThat(poolSizeAfterDefaults(Map.of("cmlfleet.storage.mode", "axon-server"))).isEqualTo("36");
        assertThat(poolSizeAfterDefaults(Map.of("spring.datasource.hikari.maximum-pool-size", "50")))
                .isEqualTo("50");
    }

    private static String poolSizeAfterDefaults(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new CmlfleetEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("spring.datasource.hikari.maximum-pool-size");
    }
}
