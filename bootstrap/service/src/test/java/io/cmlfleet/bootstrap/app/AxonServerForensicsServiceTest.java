package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.bootstrap.cli.AxonServerStandIn;
import io.cmlfleet.bootstrap.cli.CommandLineToolsTest;
import io.cmlfleet.bootstrap.cli.SameHistoryStores;
import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history the running service recorded while monitoring the simulated fleet, moved into Axon Server (the stand-in
 * of its gRPC services, through the connector) and into a database: the operator's forensic commands print the same
 * answers from either store, and the fleet timeline reads Axon Server from near its window's start.
 */
class AxonServerForensicsServiceTest {

    private static final String TOKEN = "service-test-axon-token";

    @TempDir
    Path dataDir;

    @Test
    void theForensicCommandsAnswerAlikeFromAxonServerAndFromTheDatabase() throws Exception {
        List<DomainEventMessage<?>> recorded;
        String worker;
        Instant availableAt;
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of("cmlfleet.storage.data-dir", dataDir.toString()))) {
            worker = SimulatedFleetImporter.workerIdFor(run.fleet().workers().get(0));
            run.awaitFullCycle(worker);
            availableAt = Instant.now();
            recorded = SameHistoryStores.inMilliseconds(everyEvent(run.eventStore()));
        }
        assertThat(recorded).hasSizeGreaterThan(20);

        try (AxonServerStandIn axonServer = AxonServerStandIn.start("default", TOKEN)) {
            SameHistoryStores.axonServer(axonServer, "default", TOKEN, recorded);
            String jdbcUrl = SameHistoryStores.h2(recorded);
            Instant middle = recorded.get(recorded.size() / 2).getTimestamp();
            List<String[]> commands = List.of(
                    new String[]{"timeline", worker},
                    new String[]{"timeline", worker, "--format=json-lines"},
                    new String[]{"findings", worker, "--fast=1s", "--normal=2s"},
                    new String[]{"state-at", worker, availableAt.toString()},
                    new String[]{"fleet-timeline", "--from=" + middle});
            for (String[] command : commands) {
                CommandLineToolsTest.Result database = CommandLineToolsTest.run(Map.of(),
                        with(command, "--jdbc-url=" + jdbcUrl, "--jdbc-user=sa"));
                CommandLineToolsTest.Result axon = CommandLineToolsTest.run(Map.of("CMLFLEET_AXON_TOKEN", TOKEN),
                        with(command, "--axon-server=" + axonServer.address()));

                assertThat(axon.exitCode()).as(String.join(" ", command) + ": " + axon.err()).isZero();
                assertThat(axon.out()).as(String.join(" ", command)).isEqualTo(database.out());
            }
            assertThat(CommandLineToolsTest.run(Map.of("CMLFLEET_AXON_TOKEN", TOKEN), "timeline", worker,
                    "--axon-server=" + axonServer.address()).out())
                    .contains("WorkerCreated", "→ RUNNING (ec2: running)", "service UNAVAILABLE → AVAILABLE");
            assertThat(CommandLineToolsTest.run(Map.of("CMLFLEET_AXON_TOKEN", TOKEN), "state-at", worker,
                    availableAt.toString(), "--axon-server=" + axonServer.address()).out())
                    .contains("RUNNING", "AVAILABLE");
            // The fleet timeline asked Axon Server for the token at its window's start (less the one-minute slack, which
            // here reaches back before the first event; AxonServerCommandsTest checks a window further in).
            assertThat(axonServer.tokenAtRequests()).contains(middle.minusSeconds(60).toEpochMilli());
        }
    }

    /** Every event of the store in its global order, up to the head as it was when the read began. */
    private static List<DomainEventMessage<?>> everyEvent(EventStore store) throws InterruptedException {
        TrackingToken head = store.createHeadToken();
        long last = head.position().orElseThrow();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                if (message instanceof DomainEventMessage<?> domain) {
                    events.add(domain);
                }
                if (message.trackingToken().position().orElse(-1) >= last) {
                    break;
                }
            }
        }
        return events;
    }

    private static String[] with(String[] command, String... store) {
        String[] all = java.util.Arrays.copyOf(command, command.length + store.length);
        System.arraycopy(store, 0, all, command.length, store.length);
        return all;
    }
}
