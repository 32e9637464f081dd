package io.cmlfleet.application.monitoring;

import static io.cmlfleet.application.monitoring.MonitoringEvents.REGION;
import static io.cmlfleet.application.monitoring.MonitoringEvents.created;
import static io.cmlfleet.application.monitoring.MonitoringEvents.instanceOf;
import static io.cmlfleet.application.monitoring.MonitoringEvents.terminated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.refresh.RefreshRequests;
import io.cmlfleet.application.refresh.RefreshWorker;
import io.cmlfleet.domain.worker.RefreshTrigger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wiring documented in docs/monitoring.md (monitoring saga), end to end without Spring: Axon's configuration injects the
 * saga's resources, the durable deadline manager finds the saga through the configuration's scopes, and the saga's
 * refreshes reach the refresh executor until the worker is terminated.
 */
class MonitoringWiringTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final MonitoringSettings QUICK =
            new MonitoringSettings(Duration.ofMillis(300), Duration.ofSeconds(2), 3, Duration.ofMillis(50));

    private JdbcDataSource dataSource;
    private RecordingRefreshRequests refreshes;
    private Configuration configuration;

    @BeforeEach
    void setUp() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:wiring-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchedulerTable.createIfMissing(dataSource);
        refreshes = new RecordingRefreshRequests();
        DeadlineSchedulerSettings polling = DeadlineSchedulerSettings.defaults().withPollingInterval(Duration.ofMillis(100));

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureSerializer(c -> CmlfleetSerializer.create())
                .registerComponent(MonitoringSettings.class, c -> QUICK)
                .configureDeadlineManager(c -> DurableDeadlines.create(
                        dataSource, new ConfigurationScopeAwareProvider(c), c.serializer(),
                        NoTransactionManager.INSTANCE, polling).deadlineManager())
                .eventProcessing(processing -> processing
                        .usingSubscribingEventProcessors()
                        .registerSaga(WorkerMonitoringSaga.class))
                .registerComponent(RefreshRequests.class, c -> refreshes);
        // Created before start, so that Axon's lifecycle starts (and later stops) its scheduler.
        configurer.onInitialize(Configuration::deadlineManager);
        configuration = configurer.buildConfiguration();
        configuration.start();
    }

    @AfterEach
    void tearDown() throws SQLException {
        configuration.shutdown();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void aCreatedWorkerIsRefreshedRepeatedlyUntilItIsTerminated() throws SQLException {
        configuration.eventBus().publish(GenericEventMessage.asEventMessage(created("w-wired")));

        await().atMost(EVENTUALLY).until(() -> refreshes.countFor("w-wired") >= 2);
        assertThat(refreshes.received()).first().isEqualTo(
                new RefreshWorker("w-wired", REGION, instanceOf("w-wired"), RefreshTrigger.SCHEDULED, "monitoring"));
        assertThat(pendingRows()).isEqualTo(1);

        configuration.eventBus().publish(GenericEventMessage.asEventMessage(terminated("w-wired")));

        // The saga cancelled its one deadline by id: nothing is left that could refresh the worker again.
        await().atMost(EVENTUALLY).until(() -> pendingRows() == 0);
    }

    private int pendingRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + SchedulerTable.NAME)) {
            count.next();
            return count.getInt(1);
        }
    }
}
