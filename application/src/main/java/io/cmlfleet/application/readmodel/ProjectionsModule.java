package io.cmlfleet.application.readmodel;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.readmodel.deadletter.DeadLetterStore;
import io.cmlfleet.application.readmodel.deadletter.FullSequenceTolerantQueue;
import io.cmlfleet.application.readmodel.projection.CheckpointCompanion;
import io.cmlfleet.application.readmodel.projection.FleetOverviewProjection;
import io.cmlfleet.application.readmodel.projection.ForensicCheckpointProjection;
import io.cmlfleet.application.readmodel.projection.ForensicCheckpoints;
import io.cmlfleet.application.readmodel.projection.ProcessingGroups;
import io.cmlfleet.application.readmodel.projection.ProjectionJdbc;
import io.cmlfleet.application.readmodel.projection.TelemetryHistoryProjection;
import io.cmlfleet.application.readmodel.projection.WorkerLabsProjection;
import io.cmlfleet.application.readmodel.projection.WorkerSummaryProjection;
import io.cmlfleet.application.readmodel.query.FleetOverviewQueryHandler;
import io.cmlfleet.application.readmodel.query.TelemetryQueryHandler;
import io.cmlfleet.application.readmodel.query.WorkerLabsQueryHandler;
import io.cmlfleet.application.readmodel.query.WorkerQueryHandler;
import io.cmlfleet.application.readmodel.schema.ProjectionSchema;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Registers the read side with an Axon {@link Configurer}: the projections, each in its own processing group
 * run by a tracking processor, a JDBC token store and a JDBC dead-letter queue per group, and the query handlers.
 *
 * <p>Everything JDBC goes through one {@link DataSource} and one Spring {@link PlatformTransactionManager}, wrapped
 * in Axon's {@link SpringTransactionManager}: the projection rows, the dead letters and the tracking token of a batch
 * commit or roll back together, so a crash never leaves a row applied without its token moved (or the reverse).
 *
 * <p>The host (bootstrap) still owns the event store, the serializers and the start of the configuration; it must
 * create the tables first ({@link ProjectionSchema} or the equivalent migrations).
 */
public final class ProjectionsModule {

    /** Letters kept per worker and projection before later events are skipped (Axon's own default bound). */
    public static final int DEFAULT_LETTERS_PER_SEQUENCE = 1024;

    /**
     * Events a processor handles in one transaction. Axon's default of one commits (and moves the token) per event,
     * which bounds a rebuild by the commit rate; each event still writes in its own savepoint ({@link ProjectionJdbc}),
     * so a poisoned event is parked without undoing the others of its batch. A batch is whatever the store has ready,
     * up to this size: in steady operation it is rarely more than a few events, so it adds no latency.
     */
    public static final int DEFAULT_BATCH_SIZE = 100;

    private final TransactionManager transactionManager;
    private final ConnectionProvider connectionProvider;
    private final ProjectionJdbc projectionJdbc;
    private final Serializer storageSerializer;
    private final TokenStore tokenStore;
    private final int lettersPerSequence;
    private final DeadLetterStore deadLetterStore;
    private final int batchSize;
    private CheckpointCompanion checkpointCompanion;

    /**
     * @param dataSource                 the database holding the projection, token and dead-letter tables
     * @param platformTransactionManager a transaction manager over that data source (a
     *                                   {@code DataSourceTransactionManager}), used for the processors'
     *                                   transactions and for the per-event savepoints
     */
    public ProjectionsModule(DataSource dataSource, PlatformTransactionManager platformTransactionManager) {
        this(dataSource, platformTransactionManager, DEFAULT_LETTERS_PER_SEQUENCE);
    }

    /**
     * @param lettersPerSequence the bound of one worker's dead-letter sequence in one projection; events beyond it
     *                           are skipped and counted ({@link FullSequenceTolerantQueue}), never block the others
     */
    public ProjectionsModule(DataSource dataSource, PlatformTransactionManager platformTransactionManager,
                             int lettersPerSequence) {
        this(dataSource, platformTransactionManager, lettersPerSequence, DEFAULT_BATCH_SIZE, null);
    }

    /**
     * @param batchSize events each processor handles in one transaction ({@link #DEFAULT_BATCH_SIZE}); 1 is Axon's
     *                  per-event commit
     */
    public ProjectionsModule(DataSource dataSource, PlatformTransactionManager platformTransactionManager,
                             int lettersPerSequence, int batchSize) {
        this(dataSource, platformTransactionManager, lettersPerSequence, batchSize, null);
    }

    /**
     * @param nodeId this node's name in the token claims ({@code tokenentry.owner}); null for Axon's default (the
     *               JVM's {@code pid@host}). Nodes sharing a database need distinct ones, or each takes the other's
     *               claims for its own and both process the same segments.
     */
    public ProjectionsModule(DataSource dataSource, PlatformTransactionManager platformTransactionManager,
                             int lettersPerSequence, String nodeId) {
        this(dataSource, platformTransactionManager, lettersPerSequence, DEFAULT_BATCH_SIZE, nodeId);
    }

    /**
     * @param batchSize events each processor handles in one transaction
     * @param nodeId    this node's name in the token claims, or null for Axon's default
     */
    public ProjectionsModule(DataSource dataSource, PlatformTransactionManager platformTransactionManager,
                             int lettersPerSequence, int batchSize, String nodeId) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (lettersPerSequence < 1) {
            throw new IllegalArgumentException("lettersPerSequence must be at least 1, was " + lettersPerSequence);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        this.lettersPerSequence = lettersPerSequence;
        this.batchSize = batchSize;
        this.transactionManager = new SpringTransactionManager(
                Objects.requireNonNull(platformTransactionManager, "platformTransactionManager"));
        // Spring-aware connections: Axon's JDBC components join the transaction the processor started.
        this.connectionProvider = new SpringDataSourceConnectionProvider(dataSource);
        this.projectionJdbc = new ProjectionJdbc(dataSource, platformTransactionManager);
        // Tokens and dead-letter bookkeeping as plain JSON, like the events; never XStream.
        this.storageSerializer = CmlfleetSerializer.create();
        JdbcTokenStore.Builder tokens = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(storageSerializer);
        this.tokenStore = (nodeId == null ? tokens : tokens.nodeId(nodeId)).build();
        this.deadLetterStore = new DeadLetterStore(projectionJdbc.jdbc());
    }

    /** Registers the projections, their processors, token store, dead-letter queues and the query handlers. */
    public Configurer configure(Configurer configurer) {
        configureEventProcessing(configurer.eventProcessing());
        JdbcTemplate reads = projectionJdbc.jdbc();
        configurer.registerQueryHandler(c -> new WorkerQueryHandler(reads, deadLetterStore));
        configurer.registerQueryHandler(c -> new TelemetryQueryHandler(reads));
        configurer.registerQueryHandler(c -> new FleetOverviewQueryHandler(reads));
        configurer.registerQueryHandler(c -> new WorkerLabsQueryHandler(reads));
        return configurer;
    }

    private void configureEventProcessing(EventProcessingConfigurer processing) {
        for (String group : ProcessingGroups.ALL) {
            processing.registerEventHandler(c -> projection(group, c.eventStore()));
        }
        for (String group : ProcessingGroups.ALL) {
            // The processor takes the group's name; its events come from the configured event store.
            processing.registerTrackingEventProcessor(group)
                    .registerTrackingEventProcessorConfiguration(group, c -> TrackingEventProcessorConfiguration
                            .forSingleThreadedProcessing().andBatchSize(batchSize))
                    // One dead-letter sequence per worker (its aggregate id): a poisoned worker parks only its own.
                    .registerSequencingPolicy(group, c -> SequentialPerAggregatePolicy.instance())
                    .registerTokenStore(group, c -> tokenStore)
                    .registerTransactionManager(group, c -> transactionManager)
                    .registerDeadLetterQueue(group, c -> deadLetterQueue(group, c))
                    // A rebuild replays every event, the poisoned ones included: clear their old dead letters too.
                    .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                            (c, builder) -> builder.allowReset(true));
        }
    }

    /** @param eventStore for the checkpoints to catch up from; {@code null} outside a running configuration */
    private Object projection(String group, EventStore eventStore) {
        return switch (group) {
            case ProcessingGroups.WORKER_SUMMARY -> new WorkerSummaryProjection(projectionJdbc);
            case ProcessingGroups.TELEMETRY_HISTORY -> new TelemetryHistoryProjection(projectionJdbc);
            case ProcessingGroups.FLEET_OVERVIEW -> new FleetOverviewProjection(projectionJdbc);
            case ProcessingGroups.WORKER_LABS -> new WorkerLabsProjection(projectionJdbc);
            case ProcessingGroups.FORENSIC_CHECKPOINTS -> new ForensicCheckpointProjection(projectionJdbc, eventStore,
                    checkpointCompanion);
            default -> throw new IllegalArgumentException("Unknown projection '" + group + "'; one of "
                    + ProcessingGroups.ALL);
        };
    }

    /**
     * A dead-letter processor for one projection outside a running Axon configuration (the CLI, with the service
     * stopped or on another node): the same handlers, queue and transactions as the service's processor.
     *
     * @param eventSerializer the serializer the service stores events with ({@code CmlfleetSerializer})
     */
    public SequencedDeadLetterProcessor<EventMessage<?>> standaloneDeadLetterProcessor(String group,
                                                                                       Serializer eventSerializer) {
        return DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(projection(group, null))
                .sequencingPolicy(SequentialPerAggregatePolicy.instance())
                .queue(deadLetterQueue(group, eventSerializer))
                .transactionManager(transactionManager)
                .build();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(String group, Configuration configuration) {
        return deadLetterQueue(group, configuration.eventSerializer());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(String group, Serializer eventSerializer) {
        SequencedDeadLetterQueue<EventMessage<?>> jdbc = JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .eventSerializer(eventSerializer)
                .genericSerializer(storageSerializer)
                // Sequences are per worker: bounded by the fleet. A bound here would stop the processor when hit.
                .maxSequences(Integer.MAX_VALUE)
                .maxSequenceSize(lettersPerSequence)
                .build();
        return new FullSequenceTolerantQueue(group, jdbc, Clock.systemUTC());
    }

    /**
     * Has the forensic checkpoints carry {@code companion}'s fold (forensics' findings detectors) beside the state;
     * call before {@link #configure}. Without one, checkpoints hold the state alone.
     */
    public ProjectionsModule withCheckpointCompanion(CheckpointCompanion companion) {
        this.checkpointCompanion = Objects.requireNonNull(companion, "companion");
        return this;
    }

    /** The forensic checkpoints, where forensic replays start. */
    public ForensicCheckpoints forensicCheckpoints() {
        return new ForensicCheckpoints(projectionJdbc.jdbc());
    }

    /** The dead letters as operators see them (API, health, metrics). */
    public DeadLetterStore deadLetterStore() {
        return deadLetterStore;
    }

    /** Axon's view of the transaction manager, for hosts that want the same one elsewhere. */
    public TransactionManager transactionManager() {
        return transactionManager;
    }
}
