package io.cmlfleet.bootstrap.cli;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.eventstore.H2EventTableFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One history written into two stores the way cmlfleet writes it: an H2 event table through Axon's JDBC engine, and
 * the Axon Server stand-in through the connector's {@link AxonServerEventStore} (the service's event store in
 * axon-server mode), both with {@link CmlfleetSerializer}. Axon Server keeps timestamps in milliseconds, so the
 * history is cut to milliseconds first: the two stores then hold the same events, and the commands must print the
 * same answers from either.
 */
public final class SameHistoryStores {

    private SameHistoryStores() {
    }

    /** The events as Axon Server would keep them: everything as it is, the timestamp cut to milliseconds. */
    public static List<DomainEventMessage<?>> inMilliseconds(List<? extends DomainEventMessage<?>> history) {
        List<DomainEventMessage<?>> cut = new ArrayList<>();
        for (DomainEventMessage<?> m : history) {
            cut.add(new GenericDomainEventMessage<>(m.getType(), m.getAggregateIdentifier(), m.getSequenceNumber(),
                    m.getPayload(), m.getMetaData(), m.getIdentifier(), m.getTimestamp().truncatedTo(ChronoUnit.MILLIS)));
        }
        return cut;
    }

    /** A new in-memory H2 database holding the history in cmlfleet's event table; its JDBC URL (user {@code sa}). */
    public static String h2(List<? extends DomainEventMessage<?>> history) {
        String url = "jdbc:h2:mem:history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        CmlfleetSerializer serializer = CmlfleetSerializer.create();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(h2))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        engine.createSchema(H2EventTableFactory.INSTANCE);
        engine.appendEvents(List.copyOf(history));
        return url;
    }

    /** Appends the history to the stand-in through the connector, as the service does in axon-server mode. */
    public static void axonServer(AxonServerStandIn standIn, String context, String token,
                                  List<? extends DomainEventMessage<?>> history) throws IOException {
        AxonServerConfiguration configuration = new AxonServerConfiguration();
        if (standIn.tls()) {
            Path ca = Files.createTempFile("axonserver-ca", ".pem");
            Files.writeString(ca, AxonServerStandIn.certificatePem());
            ca.toFile().deleteOnExit();
            configuration.setSslEnabled(true);
            configuration.setCertFile(ca.toString());
        }
        configuration.setServers(standIn.address());
        configuration.setContext(context);
        configuration.setComponentName("cmlfleet");
        configuration.setToken(token);
        configuration.getHeartbeat().setEnabled(false);
        AxonServerConnectionManager connections = AxonServerConnectionManager.builder()
                .routingServers(standIn.address()).axonServerConfiguration(configuration).build();
        try {
            CmlfleetSerializer serializer = CmlfleetSerializer.create();
            AxonServerEventStore store = AxonServerEventStore.builder().configuration(configuration)
                    .platformConnectionManager(connections).defaultContext(context)
                    .eventSerializer(serializer).snapshotSerializer(serializer)
                    .snapshotFilter(SnapshotFilter.allowAll()).build();
            store.publish(List.copyOf(history));
        } finally {
            connections.shutdown();
        }
    }
}
