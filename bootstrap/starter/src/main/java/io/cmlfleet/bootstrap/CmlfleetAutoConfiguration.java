package io.cmlfleet.bootstrap;

import io.cmlfleet.adapters.aws.AwsAdapters;
import io.cmlfleet.adapters.cml.CmlClientSettings;
import io.cmlfleet.adapters.cml.HttpCmlControllerClient;
import io.cmlfleet.adapters.cml.HttpCmlIdleStopOperations;
import io.cmlfleet.adapters.cml.StaticCmlCredentialsProvider;
import io.cmlfleet.application.lifecycle.IdleStopPolicy;
import io.cmlfleet.application.lifecycle.IdleStopSettings;
import io.cmlfleet.application.lifecycle.WorkerLifecycleService;
import io.cmlfleet.application.metrics.MonitoringMetrics;
import io.cmlfleet.application.metrics.ThresholdBreachMetrics;
import io.cmlfleet.application.port.cloud.InstanceInventory;
import io.cmlfleet.application.port.cloud.InstanceLifecycle;
import io.cmlfleet.application.port.cloud.TelemetrySource;
import io.cmlfleet.application.port.cml.CmlControllerClient;
import io.cmlfleet.application.port.cml.CmlIdleStopOperations;
import io.cmlfleet.application.port.cml.CmlCredentialsProvider;
import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.application.refresh.CmlCallPool;
import io.cmlfleet.application.refresh.RefreshExecutionSettings;
import io.cmlfleet.application.refresh.RefreshExecutor;
import io.cmlfleet.application.refresh.RefreshGuard;
import io.cmlfleet.application.refresh.RefreshRequests;
import io.cmlfleet.application.refresh.RefreshSettings;
import io.cmlfleet.application.refresh.WorkerRefreshHandler;
import io.cmlfleet.application.refresh.WorkerRefreshPipeline;
import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.eventstore.WorkerAggregateConfiguration;
import io.cmlfleet.application.eventstore.WorkerRepositorySettings;
import io.cmlfleet.bootstrap.config.CmlfleetProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The whole library from one dependency: the CMLWorker aggregate, the refresh pipeline and its command handler,
 * lifecycle and idle stopping, the AWS and CML adapters, serialization and correlation. Every bean backs off when the
 * host defines its own of the same type. Storage (schema, deadlines, saga, projections) is in
 * {@link CmlfleetStorageAutoConfiguration}.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class, after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(CmlfleetProperties.class)
public class CmlfleetAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock cmlfleetClock() {
        return Clock.systemUTC();
    }

    /** Plain-JSON serializer with stable event names for everything Axon stores: events, messages, sagas, tokens. */
    @Bean
    @Primary
    @ConditionalOnMissingBean(name = "serializer")
    public Serializer serializer() {
        return CmlfleetSerializer.create();
    }

    @Bean
    @Qualifier("eventSerializer")
    @ConditionalOnMissingBean(name = "eventSerializer")
    public Serializer eventSerializer() {
        return CmlfleetSerializer.create();
    }

    @Bean
    @Qualifier("messageSerializer")
    @ConditionalOnMissingBean(name = "messageSerializer")
    public Serializer messageSerializer() {
        return CmlfleetSerializer.create();
    }

    /** Copies cmlfleet's correlation id and issuer from a command to the events it causes. */
    @Bean
    public CorrelationDataProvider cmlfleetCorrelationDataProvider() {
        return RefreshCorrelation.correlationDataProvider();
    }

    /** Axon's own correlation and trace ids (declaring any provider replaces Axon's default one, so keep it). */
    @Bean
    @ConditionalOnMissingBean(MessageOriginProvider.class)
    public MessageOriginProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    @ConditionalOnMissingBean
    public WorkerRepositorySettings workerRepositorySettings(CmlfleetProperties properties) {
        return properties.aggregate().settings();
    }

    /** The aggregate, with snapshots and a cache so that a command's cost does not grow with the history. */
    @Bean
    public ConfigurerModule cmlfleetAggregateModule(WorkerRepositorySettings settings) {
        return configurer -> configurer.configureAggregate(WorkerAggregateConfiguration.of(settings));
    }

    // --- adapters -------------------------------------------------------------------------------------------

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public AwsAdapters cmlfleetAwsAdapters(CmlfleetProperties properties) {
        return AwsAdapters.create(properties.aws().adapterSettings());
    }

    @Bean
    @ConditionalOnMissingBean
    public InstanceInventory instanceInventory(AwsAdapters aws) {
        return aws.inventory();
    }

    @Bean
    @ConditionalOnMissingBean
    public TelemetrySource telemetrySource(AwsAdapters aws) {
        return aws.telemetry();
    }

    @Bean
    @ConditionalOnMissingBean
    public InstanceLifecycle instanceLifecycle(AwsAdapters aws) {
        return aws.lifecycle();
    }

    /** Credentials from {@code cmlfleet.cml.username/password}; define a bean to plug in a secret store instead. */
    @Bean
    @ConditionalOnMissingBean
    public CmlCredentialsProvider cmlCredentialsProvider(CmlfleetProperties properties) {
        return StaticCmlCredentialsProvider.forWholeFleet(properties.cml().credentials());
    }

    @Bean
    @ConditionalOnMissingBean
    public CmlClientSettings cmlClientSettings(CmlfleetProperties properties) {
        return properties.cml().clientSettings();
    }

    @Bean
    @ConditionalOnMissingBean
    public CmlControllerClient cmlControllerClient(CmlClientSettings settings, CmlCredentialsProvider credentials) {
        return new HttpCmlControllerClient(settings, credentials);
    }

    // --- refresh, lifecycle, idle stopping --------------------------------------------------------------------

    @Bean
    @ConditionalOnMissingBean
    public RefreshSettings refreshSettings(CmlfleetProperties properties) {
        return properties.refresh().settings();
    }

    @Bean
    @ConditionalOnMissingBean
    public IdleStopSettings idleStopSettings(CmlfleetProperties properties) {
        return properties.idleStop().settings();
    }

    @Bean
    @ConditionalOnMissingBean
    public WorkerLifecycleService workerLifecycleService(InstanceLifecycle ec2, InstanceInventory inventory,
                                                         CommandGateway commands, Clock clock) {
        return new WorkerLifecycleService(ec2, inventory, commands, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    public IdleStopPolicy idleStopPolicy(IdleStopSettings settings, WorkerLifecycleService lifecycle,
                                         ObjectProvider<CmlIdleStopOperations> cml, Clock clock) {
        return new IdleStopPolicy(settings, lifecycle, cml.getIfAvailable(), clock);
    }

    /** Idle stopping's CML calls (telemetry, maintenance mode, notices), with a session of their own. */
    @Bean
    @ConditionalOnMissingBean
    public CmlIdleStopOperations cmlIdleStopOperations(CmlClientSettings settings,
                                                       CmlCredentialsProvider credentials) {
        return new HttpCmlIdleStopOperations(new HttpCmlControllerClient(settings, credentials));
    }

    @Bean
    @ConditionalOnMissingBean
    public WorkerRefreshPipeline workerRefreshPipeline(InstanceInventory inventory, CmlControllerClient cml,
                                                       TelemetrySource telemetry, CommandGateway commands,
                                                       RefreshSettings settings, IdleStopPolicy idleStop,
                                                       Clock clock, CmlCallPool cmlCalls) {
        return new WorkerRefreshPipeline(inventory, cml, telemetry, commands, settings, idleStop, clock,
                cmlCalls.executor());
    }

    /** Threads for the CML calls a refresh makes at the same time, for every refresh waiting for its controller. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public CmlCallPool cmlCallPool(RefreshExecutionSettings settings) {
        return new CmlCallPool(settings.cmlCallThreads());
    }

    @Bean
    @ConditionalOnMissingBean
    public RefreshGuard refreshGuard(RefreshSettings settings, Clock clock) {
        return new RefreshGuard(settings.onDemandMinInterval(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    public RefreshExecutionSettings refreshExecutionSettings(CmlfleetProperties properties) {
        return properties.refresh().executionSettings();
    }

    /** Where deadlines, the HTTP API and hosts hand refreshes to: a pool of its own, one refresh per worker. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(RefreshRequests.class)
    public RefreshExecutor refreshExecutor(WorkerRefreshPipeline pipeline, RefreshGuard guard,
                                           MonitoringMetrics metrics, RefreshExecutionSettings settings) {
        return new RefreshExecutor(pipeline, guard, metrics, settings);
    }

    /** Stops the executor in the lifecycle, before Axon, so refreshes in flight can still send their commands. */
    @Bean
    @ConditionalOnBean(RefreshExecutor.class)
    StopBeforeAxon refreshExecutorShutdown(RefreshExecutor executor) {
        return new StopBeforeAxon(executor::close);
    }

    /** Handles {@code RefreshWorker} for hosts; Axon registers its {@code @CommandHandler} from the bean. */
    @Bean
    @ConditionalOnMissingBean
    public WorkerRefreshHandler workerRefreshHandler(RefreshRequests refreshes) {
        return new WorkerRefreshHandler(refreshes);
    }

    // --- metrics ---------------------------------------------------------------------------------------------

    @Bean
    @ConditionalOnMissingBean
    public MonitoringMetrics monitoringMetrics(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable();
        return meters == null ? MonitoringMetrics.none() : new MicrometerMonitoringMetrics(meters);
    }

    /** Threshold events to metrics; Axon registers its handlers from the bean, in group {@code threshold-metrics}. */
    @Bean
    public ThresholdBreachMetrics thresholdBreachMetrics(MonitoringMetrics metrics) {
        return new ThresholdBreachMetrics(metrics);
    }
}
