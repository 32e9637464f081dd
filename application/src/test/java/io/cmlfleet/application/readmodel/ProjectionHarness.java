package io.cmlfleet.application.readmodel;

import static org.assertj.core.api.Assertions.fail;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.eventstore.H2EventTableFactory;
import io.cmlfleet.application.readmodel.projection.ProcessingGroups;
import io.cmlfleet.application.readmodel.schema.ProjectionSchema;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A real Axon configuration on a private in-memory H2 database: JDBC event store with the cmlfleet serializer, the
 * projections registered through {@link ProjectionsModule}, tracking processors with JDBC tokens and dead letters.
 * Events are appended to the event store as the aggregate would append them (one sequence per worker).
 */
public final class ProjectionHarness implements AutoCloseable {

    /** Generous: only a broken processor takes this long; a passing test returns as soon as it has caught up. */
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(Long.getLong("cmlfleet.catchUpSeconds", 60));

    static {
        System.setProperty("disable-axoniq-console-message", "true");
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Configuration configuration;
    private final Map<String, Long> nextSequence = new HashMap<>();

    public ProjectionHarness() {
        this(ProjectionsModule.DEFAULT_LETTERS_PER_SEQUENCE);
    }

    /** With a small dead-letter bound, to fill a sequence in a few events. */
    public ProjectionHarness(int lettersPerSequence) {
        this("jdbc:h2:mem:projections-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", lettersPerSequence,
                ProjectionsModule.DEFAULT_BATCH_SIZE);
    }

    /** On the given H2 database (a file, for the replay benchmark), with the processors' batch size. */
    public ProjectionHarness(String h2Url, int lettersPerSequence, int batchSize) {
        this(h2Url, lettersPerSequence, batchSize, null);
    }

    /** With the forensic checkpoints carrying {@code companion}'s fold (forensics' findings). */
    public ProjectionHarness(io.cmlfleet.application.readmodel.projection.CheckpointCompanion companion) {
        this("jdbc:h2:mem:projections-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                ProjectionsModule.DEFAULT_LETTERS_PER_SEQUENCE, ProjectionsModule.DEFAULT_BATCH_SIZE, companion);
    }

    private ProjectionHarness(String h2Url, int lettersPerSequence, int batchSize,
                              io.cmlfleet.application.readmodel.projection.CheckpointCompanion companion) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(h2Url);
        h2.setUser("sa");
        this.dataSource = h2;
        this.jdbc = new JdbcTemplate(dataSource);

        ProjectionsModule module = new ProjectionsModule(dataSource, new DataSourceTransactionManager(dataSource),
                lettersPerSequence, batchSize);
        if (companion != null) {
            module.withCheckpointCompanion(companion);
        }
        ProjectionSchema.forDataSource(dataSource).createIfMissing();

        JdbcEventStorageEngine storageEngine = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(module.transactionManager())
                .eventSerializer(CmlfleetSerializer.create())
                .snapshotSerializer(CmlfleetSerializer.create())
                .build();
        storageEngine.createSchema(H2EventTableFactory.INSTANCE);

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> CmlfleetSerializer.create())
                .configureEventSerializer(c -> CmlfleetSerializer.create())
                .configureMessageSerializer(c -> CmlfleetSerializer.create())
                .configureEmbeddedEventStore(c -> storageEngine);
        module.configure(configurer);
        this.configuration = configurer.buildConfiguration();
        configuration.start();
    }

    /** Appends events as the CMLWorker aggregate's next events, timestamped with their own time. */
    public void publish(WorkerEvent... events) {
        for (WorkerEvent event : events) {
            long sequence = nextSequence.merge(event.workerId(), 1L, Long::sum) - 1;
            eventStore().publish(new GenericDomainEventMessage<>("CMLWorker", event.workerId(), sequence, event,
                    MetaData.emptyInstance(), UUID.randomUUID().toString(), EventTimes.of(event)));
        }
    }

    public void publishAll(List<? extends WorkerEvent> events) {
        publish(events.toArray(WorkerEvent[]::new));
    }

    /** Waits until every projection processor has handled every event in the store. */
    public void awaitCaughtUp() {
        long head = position(eventStore().createHeadToken());
        for (String group : ProcessingGroups.ALL) {
            TrackingEventProcessor processor = processor(group);
            await("processor " + group + " reaches position " + head, () -> {
                if (processor.processingStatus().values().stream().anyMatch(s -> s.isErrorState())) {
                    fail("processor " + group + " is in error: " + processor.processingStatus());
                }
                // A replay token stays "replaying" until an event beyond its reset position arrives, so a replay
                // counts as done once it has reached both the head and the position it was reset at.
                return !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream().allMatch(status -> {
                    long position = status.getCurrentPosition().orElse(-1);
                    return position >= head
                            && (!status.isReplaying() || position >= status.getResetPosition().orElse(-1));
                });
            }, processor::processingStatus);
        }
    }

    /** Polls until the condition holds; fails after a generous timeout (which a working system never reaches). */
    public static void await(String what, BooleanSupplier condition) {
        await(what, condition, null);
    }

    public static void await(String what, BooleanSupplier condition, java.util.function.Supplier<Object> diagnostics) {
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting until " + what + (diagnostics == null ? "" : ": " + diagnostics.get()));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("Interrupted waiting until " + what);
            }
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    public <R> R query(Object query, ResponseType<R> responseType) {
        return configuration.queryGateway().query(query, responseType).join();
    }

    /** The worker's summary; fails when the worker has none. */
    public io.cmlfleet.application.readmodel.query.WorkerSummary summary(String workerId) {
        return query(new io.cmlfleet.application.readmodel.query.FindWorkerById(workerId),
                org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf(
                        io.cmlfleet.application.readmodel.query.WorkerSummary.class))
                .orElseThrow(() -> new AssertionError("no summary for " + workerId));
    }

    /** The worker's telemetry samples in the first hour after {@code FleetStreams.T0}. */
    public io.cmlfleet.application.readmodel.query.TelemetryHistory firstHourOfTelemetry(String workerId) {
        return query(new io.cmlfleet.application.readmodel.query.GetTelemetryHistory(workerId, FleetStreams.at(0),
                        FleetStreams.at(3600)),
                org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf(
                        io.cmlfleet.application.readmodel.query.TelemetryHistory.class));
    }

    public TrackingEventProcessor processor(String group) {
        return configuration.eventProcessingConfiguration()
                .eventProcessorByProcessingGroup(group, TrackingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no tracking processor for " + group));
    }

    public SequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(String group) {
        return configuration.eventProcessingConfiguration().deadLetterQueue(group)
                .orElseThrow(() -> new AssertionError("no dead-letter queue for " + group));
    }

    /** Every row of a table, in primary-key order, as column name to value. */
    public List<Map<String, Object>> rows(String table, String orderBy) {
        return jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + orderBy);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public EventStore eventStore() {
        return configuration.eventStore();
    }

    public org.axonframework.config.EventProcessingConfiguration eventProcessingConfiguration() {
        return configuration.eventProcessingConfiguration();
    }

    @Override
    public void close() {
        configuration.shutdown();
        jdbc.execute("SHUTDOWN");
    }
}
