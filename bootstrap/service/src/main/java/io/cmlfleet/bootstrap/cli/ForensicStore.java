package io.cmlfleet.bootstrap.cli;

import io.cmlfleet.application.eventstore.CmlfleetUpcasters;
import io.cmlfleet.application.forensics.ForensicsSettings;
import io.cmlfleet.application.forensics.WorkerForensics;
import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import java.util.Map;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The event store read directly for the forensic commands: the same tables, serializer and upcasters as the service,
 * but no processors, sagas or deadlines, so that reading a history never changes anything.
 */
final class ForensicStore implements AutoCloseable {

    private final EmbeddedEventStore eventStore;

    private ForensicStore(EmbeddedEventStore eventStore) {
        this.eventStore = eventStore;
    }

    static ForensicStore open(Options options, Map<String, String> environment) {
        CmlfleetSerializer serializer = CmlfleetSerializer.create();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(
                        StoreConnection.dataSource(options, environment)))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(CmlfleetUpcasters.chain())
                .build();
        return new ForensicStore(EmbeddedEventStore.builder().storageEngine(engine).build());
    }

    WorkerForensics forensics(ForensicsSettings settings) {
        return new WorkerForensics(eventStore, settings);
    }

    @Override
    public void close() {
        eventStore.shutDown();
    }
}
