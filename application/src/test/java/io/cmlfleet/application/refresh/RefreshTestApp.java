package io.cmlfleet.application.refresh;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.lifecycle.IdleStopPolicy;
import io.cmlfleet.application.lifecycle.IdleStopSettings;
import io.cmlfleet.application.lifecycle.WorkerLifecycleService;
import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.application.metrics.MonitoringMetrics;
import io.cmlfleet.domain.worker.CMLWorker;
import io.cmlfleet.domain.worker.command.RegisterWorker;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A real Axon configuration around the real aggregate and the real pipeline, with in-memory fakes of the ports:
 * what the pipeline records is read back from the event store.
 */
final class RefreshTestApp implements AutoCloseable {

    final FakeInstanceInventory ec2 = new FakeInstanceInventory();
    final FakeCmlController cml = new FakeCmlController();
    final FakeTelemetrySource cloudWatch = new FakeTelemetrySource();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T14:00:00Z"));
    final FakeInstanceLifecycle ec2Lifecycle = new FakeInstanceLifecycle();
    final RefreshSettings settings = new RefreshSettings(Duration.ofMinutes(5), Duration.ofSeconds(5),
            Duration.ofSeconds(10), false, 90.0, 90.0);
    final Configuration axon;
    final WorkerRefreshPipeline pipeline;
    final RefreshExecutor refreshes;
    final WorkerLifecycleService lifecycle;

    RefreshTestApp() {
        this(IdleStopSettings.defaults());
    }

    RefreshTestApp(IdleStopSettings idleStopSettings) {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> jdbcEventStorage(c))
                .configureSerializer(c -> CmlfleetSerializer.create())
                .configureAggregate(CMLWorker.class)
                .registerComponent(Clock.class, c -> clock)
                .configureCorrelationDataProviders(c -> List.of(RefreshCorrelation.correlationDataProvider(),
                        new MessageOriginProvider()))
                .buildConfiguration();
        axon.start();
        lifecycle = new WorkerLifecycleService(ec2Lifecycle, ec2, axon.commandGateway(), clock);
        pipeline = pipeline(cml, idleStopSettings);
        refreshes = new RefreshExecutor(pipeline, new RefreshGuard(settings.onDemandMinInterval(), clock),
                MonitoringMetrics.none(), RefreshExecutionSettings.defaults());
        axon.commandBus().subscribe(RefreshWorker.class.getName(), new org.axonframework.commandhandling
                .AnnotationCommandHandlerAdapter<>(new WorkerRefreshHandler(refreshes)));
    }

    /**
     * The real JDBC event store on a private in-memory H2 database (PostgreSQL mode, as the production schema),
     * so that what is appended, and what is refused (a second WorkerCreated), behaves as in production.
     */
    private static JdbcEventStorageEngine jdbcEventStorage(Configuration c) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(c.eventSerializer())
                .snapshotSerializer(c.serializer())
                .build();
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        return engine;
    }

    /** A pipeline over this app's fakes, with another CML controller or idle settings. */
    WorkerRefreshPipeline pipeline(io.cmlfleet.application.port.cml.CmlControllerClient controller,
                                   IdleStopSettings idleStopSettings) {
        return pipeline(controller, idleStopSettings, Runnable::run);
    }

    /** As {@link #pipeline(io.cmlfleet.application.port.cml.CmlControllerClient, IdleStopSettings)}, with the CML
     * calls of a refresh on {@code cmlCalls}. */
    WorkerRefreshPipeline pipeline(io.cmlfleet.application.port.cml.CmlControllerClient controller,
                                   IdleStopSettings idleStopSettings, java.util.concurrent.Executor cmlCalls) {
        IdleStopPolicy idleStop = new IdleStopPolicy(idleStopSettings, lifecycle, clock);
        return new WorkerRefreshPipeline(ec2, controller, cloudWatch, axon.commandGateway(), settings, idleStop,
                clock, cmlCalls);
    }

    /** The payload types of every command sent from now on, in order. */
    List<String> recordCommands() {
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        axon.commandBus().registerDispatchInterceptor(messages -> (index, message) -> {
            sent.add(message.getPayloadType().getSimpleName());
            return message;
        });
        return sent;
    }

    CommandGateway commands() {
        return axon.commandGateway();
    }

    WorkerRef register(String workerId, String region, String instanceId) {
        commands().sendAndWait(new RegisterWorker(workerId, workerId, region, instanceId, "c5.2xlarge",
                "ami-12345678", null, Map.of(), "test"));
        return new WorkerRef(workerId, region, instanceId);
    }

    List<DomainEventMessage<?>> messages(String workerId) {
        return axon.eventStore().readEvents(workerId).asStream().<DomainEventMessage<?>>map(m -> m).toList();
    }

    List<WorkerEvent> events(String workerId) {
        return messages(workerId).stream().map(m -> (WorkerEvent) m.getPayload()).toList();
    }

    @SuppressWarnings("unchecked")
    <E extends WorkerEvent> List<E> events(String workerId, Class<E> type) {
        return events(workerId).stream().filter(type::isInstance).map(e -> (E) e).toList();
    }

    @Override
    public void close() {
        refreshes.close();
        axon.shutdown();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
