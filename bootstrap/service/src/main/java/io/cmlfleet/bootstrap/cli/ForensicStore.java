package io.cmlfleet.bootstrap.cli;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.eventstore.CmlfleetUpcasters;
import io.cmlfleet.application.forensics.ForensicsSettings;
import io.cmlfleet.application.forensics.WorkerForensics;
import io.cmlfleet.application.readmodel.projection.ForensicCheckpoints;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store read directly for the forensic commands, with the service's serializer and upcasters but no
 * processors, sagas or deadlines, so that reading a history never changes anything: the database's event table
 * ({@code --data-dir}, {@code --jdbc-url}) or Axon Server ({@code --axon-server}), through the same Axon event store
 * the service uses in that mode, so that both answer alike.
 */
final class ForensicStore implements AutoCloseable {

    private final EventStore eventStore;
    private final ForensicCheckpoints checkpoints;
    private final String description;
    private final Function<RuntimeException, StoreUnavailableException> explain;
    private final Runnable closer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ForensicStore(EventStore eventStore, ForensicCheckpoints checkpoints, String description,
                          Function<RuntimeException, StoreUnavailableException> explain, Runnable closer) {
        this.eventStore = eventStore;
        this.checkpoints = checkpoints;
        this.description = description;
        this.explain = explain;
        this.closer = closer;
    }

    static ForensicStore open(Options options, Map<String, String> environment) {
        if (AxonServerTarget.requested(options)) {
            if (options.value("jdbc-url", null) != null || options.value("data-dir", null) != null) {
                throw new UsageException("--axon-server and --jdbc-url/--data-dir name two stores: give one");
            }
            return axonServer(AxonServerTarget.from(options, environment));
        }
        return database(options, environment);
    }

    private static ForensicStore database(Options options, Map<String, String> environment) {
        CmlfleetSerializer serializer = CmlfleetSerializer.create();
        DataSource dataSource = StoreConnection.dataSource(options, environment);
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(CmlfleetUpcasters.chain())
                .build();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        String description = StoreConnection.describe(options);
        // The service's forensic checkpoints are in the same database: replays start there, as in the service.
        return new ForensicStore(store, new ForensicCheckpoints(new JdbcTemplate(dataSource)), description,
                e -> StoreFailures.database(e, description), store::shutDown);
    }

    private static ForensicStore axonServer(AxonServerTarget target) {
        CliLogging.quietConnector();
        AxonServerPreflight.check(target);
        AxonServerConfiguration configuration = target.configuration();
        AxonServerConnectionManager connections = AxonServerConnectionManager.builder()
                .routingServers(configuration.getServers())
                .axonServerConfiguration(configuration)
                .build();
        CmlfleetSerializer serializer = CmlfleetSerializer.create();
        AxonServerEventStore store = AxonServerEventStore.builder()
                .configuration(configuration)
                .platformConnectionManager(connections)
                .defaultContext(target.context())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                // Forensics reads every history from its first event (readEvents(id, 0)): snapshots are never read.
                .snapshotFilter(SnapshotFilter.allowAll())
                .upcasterChain(CmlfleetUpcasters.chain())
                .build();
        // The checkpoints are in the service's database, which this command does not know: full replays.
        ForensicStore forensicStore = new ForensicStore(store, null, target.describe(),
                e -> StoreFailures.axonServer(e, target), connections::shutdown);
        // One cheap call first, so that an unreachable server or a refused token is reported before any output.
        forensicStore.read(() -> store.createHeadToken());
        return forensicStore;
    }

    WorkerForensics forensics(ForensicsSettings settings) {
        return new WorkerForensics(eventStore, settings, checkpoints);
    }

    /** Whether the store holds any event of the worker at all (what "no events in this window" is told from). */
    boolean knows(String workerId) {
        return read(() -> eventStore.lastSequenceNumberFor(workerId)).isPresent();
    }

    /** Where the events are read from, for messages. */
    String description() {
        return description;
    }

    /** Runs a read, turning a failure of the store into a {@link StoreUnavailableException}. */
    <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (StoreUnavailableException | UsageException e) {
            throw e;
        } catch (RuntimeException e) {
            StoreUnavailableException explained = explain.apply(e);
            if (explained != null) {
                closeQuietly();
                throw explained;
            }
            throw e;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // already failing: the read's failure is the one to report
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closer.run();
        }
    }
}
