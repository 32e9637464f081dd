package io.cmlfleet.bootstrap;

import io.cmlfleet.application.claim.InstanceClaimHandler;
import io.cmlfleet.application.claim.InstanceClaims;
import io.cmlfleet.application.eventstore.CmlfleetUpcasters;
import io.cmlfleet.application.forensics.FindingsCheckpointing;
import io.cmlfleet.application.forensics.ForensicsQueryHandler;
import io.cmlfleet.application.forensics.ForensicsSettings;
import io.cmlfleet.application.forensics.WorkerForensics;
import io.cmlfleet.application.operations.DeadLetterRetry;
import io.cmlfleet.application.operations.ProjectionRebuild;
import io.cmlfleet.application.monitoring.DeadlineSchedulerSettings;
import io.cmlfleet.application.monitoring.DurableDeadlines;
import io.cmlfleet.application.monitoring.FleetRound;
import io.cmlfleet.application.monitoring.MonitoringSettings;
import io.cmlfleet.application.monitoring.WorkerMonitoringSaga;
import io.cmlfleet.application.readmodel.ProjectionsModule;
import io.cmlfleet.application.readmodel.deadletter.DeadLetterStore;
import io.cmlfleet.bootstrap.config.CmlfleetProperties;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The database side: cmlfleet's schema (Flyway), the durable deadline manager (db-scheduler on the same database),
 * the monitoring saga, the instance claims, and the read models with their processors, tokens and dead-letter queues.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class},
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                FlywayAutoConfiguration.class})
public class CmlfleetStorageAutoConfiguration {

    /** Static: a bean factory post-processor, created before the configuration class itself. */
    @Bean
    static EmbeddedDataDirectoryCheck cmlfleetDataDirectoryCheck(Environment environment) {
        return new EmbeddedDataDirectoryCheck(environment);
    }

    /** Static, like the directory check: refuses pools that would starve before anything uses them. */
    @Bean
    static ConnectionPoolCheck cmlfleetConnectionPoolCheck(Environment environment) {
        return new ConnectionPoolCheck(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    public CmlfleetSchema cmlfleetSchema(DataSource dataSource, CmlfleetProperties properties,
                                         ObjectProvider<FlywayMigrationInitializer> hostMigrations) {
        PersistentDatabaseCheck.requirePersistentDatabase(properties.storage(), dataSource);
        hostMigrations.ifAvailable(initializer -> { }); // the host's own migrations, if any, run first
        return new CmlfleetSchema(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    public MonitoringSettings monitoringSettings(CmlfleetProperties properties) {
        return properties.monitoring().settings();
    }

    @Bean
    @ConditionalOnMissingBean
    public DeadlineSchedulerSettings deadlineSchedulerSettings(CmlfleetProperties properties) {
        return properties.monitoring().schedulerSettings();
    }

    /**
     * Deadlines as rows of {@code scheduled_tasks}: they survive restarts and fire once across nodes. The data source
     * is transaction-aware so that scheduling and cancelling commit together with the saga's state.
     */
    @Bean
    @ConditionalOnMissingBean
    public DurableDeadlines durableDeadlines(CmlfleetSchema schema, DataSource dataSource,
                                             ObjectProvider<Configuration> axonConfiguration, Serializer serializer,
                                             TransactionManager transactionManager,
                                             DeadlineSchedulerSettings settings,
                                             ObjectProvider<FleetRound> rounds) {
        return DurableDeadlines.create(new TransactionAwareDataSourceProxy(dataSource),
                new LazyScopeAwareProvider(axonConfiguration), serializer, transactionManager, settings,
                rounds.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    public DeadlineManager deadlineManager(DurableDeadlines deadlines) {
        return deadlines.deadlineManager();
    }

    /**
     * The monitoring saga, and the deadline manager created while Axon initialises: created later (lazily, by the
     * first saga), it would miss Axon's start phase and its scheduler would never poll.
     */
    @Bean
    public ConfigurerModule cmlfleetMonitoringModule() {
        return configurer -> {
            configurer.eventProcessing(processing -> processing.registerSaga(WorkerMonitoringSaga.class));
            configurer.onInitialize(Configuration::deadlineManager);
        };
    }

    /**
     * Axon's JDBC saga store, locking the row of each saga it loads, so that the nodes sharing a database handle one
     * saga one at a time (see {@link RowLockingSagaStore}).
     */
    @Bean
    @ConditionalOnMissingBean(SagaStore.class)
    public JdbcSagaStore sagaStore(CmlfleetSchema schema, DataSource dataSource, ConnectionProvider connections,
                                   Serializer serializer) {
        SagaSchema sagaSchema = new SagaSchema();
        return new RowLockingSagaStore(JdbcSagaStore.builder().connectionProvider(connections).serializer(serializer),
                dataSource, sagaSchema);
    }

    /** Which live worker watches which instance; written in the transaction that creates or terminates a worker. */
    @Bean
    @ConditionalOnMissingBean
    public InstanceClaims instanceClaims(CmlfleetSchema schema, DataSource dataSource) {
        return new InstanceClaims(dataSource);
    }

    /** Axon registers its handlers from the bean, in the group the module below makes subscribing. */
    @Bean
    public InstanceClaimHandler instanceClaimHandler(InstanceClaims claims) {
        return new InstanceClaimHandler(claims);
    }

    /**
     * The claims' processor is subscribing, so it runs in the command's unit of work and database transaction, and
     * its errors propagate, so a refused claim fails the command and rolls back its events instead of being logged.
     */
    @Bean
    public ConfigurerModule cmlfleetInstanceClaimsModule() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(InstanceClaimHandler.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(InstanceClaimHandler.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance()));
    }

    /** The projections; the forensic checkpoints carry the findings detectors' fold, judged as forensics judges. */
    @Bean
    @ConditionalOnMissingBean
    public ProjectionsModule projectionsModule(CmlfleetSchema schema, DataSource dataSource,
                                               PlatformTransactionManager transactionManager,
                                               CmlfleetProperties properties, MonitoringSettings monitoring) {
        return new ProjectionsModule(dataSource, transactionManager, ProjectionsModule.DEFAULT_LETTERS_PER_SEQUENCE,
                properties.monitoring().deadlineSchedulerName())
                .withCheckpointCompanion(new FindingsCheckpointing(forensicsSettings(monitoring)));
    }

    /** The thresholds of every forensic answer: the cadences monitoring actually uses, so gaps are judged by them. */
    private static ForensicsSettings forensicsSettings(MonitoringSettings monitoring) {
        return ForensicsSettings.defaults().withCadences(monitoring.fastInterval(), monitoring.normalInterval());
    }

    /**
     * The token store of the other processors (the saga's, threshold metrics), claiming under the node's name when
     * one is set: nodes in one JVM (or any two that Axon's default {@code pid@host} would not tell apart) must claim
     * as themselves, or each would take the other's claims for its own.
     */
    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    @ConditionalOnProperty(name = "cmlfleet.monitoring.deadline-scheduler-name")
    public TokenStore tokenStore(CmlfleetSchema schema, ConnectionProvider connections, Serializer serializer,
                                 CmlfleetProperties properties) {
        return JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .nodeId(properties.monitoring().deadlineSchedulerName()).build();
    }

    @Bean
    public ConfigurerModule cmlfleetProjectionsModule(ProjectionsModule projections) {
        return projections::configure;
    }

    /**
     * Event upcasters (old revisions read as the current ones) and the forensic queries over the event store, with
     * the cadences monitoring actually uses, so that gaps are judged against them, starting their replays at the
     * forensic checkpoints.
     */
    @Bean
    public ConfigurerModule cmlfleetForensicsModule(MonitoringSettings monitoring, ProjectionsModule projections) {
        return configurer -> {
            CmlfleetUpcasters.all().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
            configurer.registerQueryHandler(c -> new ForensicsQueryHandler(new WorkerForensics(c.eventStore(),
                    forensicsSettings(monitoring), projections.forensicCheckpoints())));
        };
    }

    /** The projections' dead letters, for the API, health, metrics and the worker's staleness. */
    @Bean
    @ConditionalOnMissingBean
    public DeadLetterStore deadLetterStore(ProjectionsModule projections) {
        return projections.deadLetterStore();
    }

    /** Retries one worker's dead letters in one projection through Axon's dead-letter processor. */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    public DeadLetterRetry deadLetterRetry(Configuration axonConfiguration, DeadLetterStore store) {
        return new DeadLetterRetry(axonConfiguration.eventProcessingConfiguration()::sequencedDeadLetterProcessor,
                store);
    }

    /** Rebuilds a projection: stop its processor, reset its tokens, replay, report progress, restart. */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    public ProjectionRebuild projectionRebuild(Configuration axonConfiguration) {
        return new ProjectionRebuild(axonConfiguration.eventProcessingConfiguration(), axonConfiguration.eventStore());
    }
}
