package io.cmlfleet.bootstrap.app;

import io.cmlfleet.bootstrap.cli.AxonServerStandIn;
import java.nio.file.Path;
import java.util.Map;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * The end-to-end refresh in axon-server mode, bean-level: the events go through the Axon Server connector's
 * {@link AxonServerEventStore} over gRPC to {@link AxonServerStandIn} (appends, aggregate reads, the tracking
 * processors' live event streams); tokens, sagas, deadlines and read models in an H2 file database. The stand-in
 * serves no command or query routing, so commands and queries stay on this node's local buses (the connector's
 * buses are left out, its event store is built as Axon's own auto-configuration builds it). What a real Axon Server
 * adds is in docs/operations.md ("What the tests cover of Axon Server").
 */
class AxonServerEndToEndRefreshTest extends EndToEndRefreshContract {

    private static final String TOKEN = "e2e-axon-token";
    private static AxonServerStandIn axonServer;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startStandIn() {
        axonServer = AxonServerStandIn.start("default", TOKEN);
    }

    @AfterAll
    static void stopStandIn() throws InterruptedException {
        axonServer.close();
    }

    @Override
    Map<String, Object> storeProperties() {
        return Map.of(
                "cmlfleet.storage.mode", "axon-server",
                "axon.axonserver.servers", axonServer.address(),
                "axon.axonserver.context", "default",
                "axon.axonserver.token", TOKEN,
                "spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("cmlfleet") + ";DB_CLOSE_ON_EXIT=FALSE",
                "spring.datasource.username", "sa",
                "spring.datasource.password", "",
                "spring.autoconfigure.exclude", "org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration");
    }

    @Override
    int expectedPoolSize() {
        // 7 processors + 4 deadline threads + their poller + 10 command threads + 10 query threads + 4.
        return 36;
    }

    @Override
    java.util.List<String> secrets() {
        return java.util.List.of(TOKEN);
    }

    @Override
    Class<?>[] extraSources() {
        return new Class<?>[]{AxonServerEventStoreOnly.class};
    }

    @Override
    Class<? extends EventStore> expectedEventStore() {
        return AxonServerEventStore.class;
    }

    /**
     * The connector's event store, as AxonServerBusAutoConfiguration builds it, without its command and query buses.
     * Not annotated: a source of this run only, never found by the application's component scan in other tests.
     */
    static class AxonServerEventStoreOnly {
        @Bean
        EventStore eventStore(AxonServerConfiguration configuration, AxonServerConnectionManager connections,
                              org.axonframework.config.Configuration axon, Serializer serializer,
                              @Qualifier("eventSerializer") Serializer eventSerializer) {
            return AxonServerEventStore.builder()
                    .configuration(configuration)
                    .platformConnectionManager(connections)
                    .snapshotSerializer(serializer)
                    .eventSerializer(eventSerializer)
                    .snapshotFilter(axon.snapshotFilter())
                    .upcasterChain(axon.upcasterChain())
                    .build();
        }
    }
}
