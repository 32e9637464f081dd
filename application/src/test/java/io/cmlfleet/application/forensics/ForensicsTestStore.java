package io.cmlfleet.application.forensics;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.eventstore.CmlfleetUpcasters;
import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real Axon configuration over the JDBC event store on a private H2 database (PostgreSQL mode, the production
 * schema), with the cmlfleet serializer, optionally the cmlfleet upcasters, and the forensics query handler. Events
 * are appended as the aggregate would append them, but with explicit timestamps, so histories of hours are exact.
 */
public final class ForensicsTestStore implements AutoCloseable {

    static {
        System.setProperty("disable-axoniq-console-message", "true");
    }

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final Configuration axon;
    private final Map<String, Long> nextSequence = new HashMap<>();

    public ForensicsTestStore() {
        this(ForensicsSettings.defaults(), true);
    }

    public ForensicsTestStore(ForensicsSettings settings, boolean withUpcasters) {
        this("jdbc:h2:mem:forensics-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", settings,
                withUpcasters, true);
    }

    /** Opens a second configuration over an existing database (e.g. with and without upcasters). */
    public ForensicsTestStore(String url, ForensicsSettings settings, boolean withUpcasters, boolean createSchema) {
        dataSource.setURL(url);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> CmlfleetSerializer.create())
                .configureEventSerializer(c -> CmlfleetSerializer.create())
                .configureMessageSerializer(c -> CmlfleetSerializer.create())
                .configureEmbeddedEventStore(c -> {
                    JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                            .connectionProvider(new DataSourceConnectionProvider(dataSource))
                            .transactionManager(NoTransactionManager.INSTANCE)
                            .eventSerializer(c.eventSerializer())
                            .snapshotSerializer(c.serializer())
                            .upcasterChain(c.upcasterChain())
                            .build();
                    if (createSchema) {
                        engine.createSchema(PostgresEventTableFactory.INSTANCE);
                    }
                    return engine;
                })
                .registerQueryHandler(c -> new ForensicsQueryHandler(c.eventStore(), settings));
        if (withUpcasters) {
            CmlfleetUpcasters.all().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
        }
        axon = configurer.buildConfiguration();
        axon.start();
    }

    public String url() {
        return dataSource.getURL();
    }

    /** Appends an event as the worker's next one, stored with the given timestamp and correlation metadata. */
    public void append(WorkerEvent event, Instant at, String correlationId, String issuedBy) {
        long sequence = nextSequence.merge(event.workerId(), 1L, Long::sum) - 1;
        Map<String, Object> metaData = new HashMap<>();
        if (correlationId != null) {
            metaData.put(RefreshCorrelation.CORRELATION_ID, correlationId);
        }
        if (issuedBy != null) {
            metaData.put(RefreshCorrelation.ISSUED_BY, issuedBy);
        }
        eventStore().publish(new GenericDomainEventMessage<>("CMLWorker", event.workerId(), sequence, event,
                MetaData.from(metaData), UUID.randomUUID().toString(), at));
    }

    public void append(History history) {
        history.recorded().forEach(r -> append(r.event(), r.at(), r.correlationId(), r.issuedBy()));
    }

    public EventStore eventStore() {
        return axon.eventStore();
    }

    public WorkerForensics forensics(ForensicsSettings settings) {
        return new WorkerForensics(eventStore(), settings);
    }

    public <R> R query(Object query, Class<R> type) {
        return axon.queryGateway().query(query, ResponseTypes.instanceOf(type)).join();
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
