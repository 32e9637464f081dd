package io.cmlfleet.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.domain.worker.WorkerOrigin;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store-reading commands on Axon Server, through the connector against an in-process stand-in of its gRPC
 * services, next to the same history in a database: the same answers from both, the fleet timeline starting near its
 * window, a worker without events reported as such, and one-line errors for a refused token or an unreachable server.
 */
class AxonServerCommandsTest {

    private static final String CONTEXT = "cmlfleet";
    private static final String TOKEN = "s3cret-axon-token-4711";
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00.123Z");
    private static final Map<String, String> WITH_TOKEN = Map.of(AxonServerTarget.TOKEN_VARIABLE, TOKEN);

    private static AxonServerStandIn axonServer;
    private static String jdbcUrl;
    private static List<DomainEventMessage<?>> history;

    @BeforeAll
    static void sameHistoryInBothStores() throws Exception {
        history = history();
        axonServer = AxonServerStandIn.start(CONTEXT, TOKEN);
        SameHistoryStores.axonServer(axonServer, CONTEXT, TOKEN, history);
        jdbcUrl = SameHistoryStores.h2(history);
        assertThat(axonServer.events()).hasSize(history.size());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        axonServer.close();
    }

    @Test
    void everyCommandPrintsTheSameAnswerFromAxonServerAsFromTheDatabase() {
        List<String[]> commands = List.of(
                new String[]{"timeline", "w-1"},
                new String[]{"timeline", "w-2", "--format=json-lines"},
                new String[]{"timeline", "w-1", "--from=" + T0.plus(Duration.ofHours(1)), "--types=StatusChanged",
                        "--format=csv"},
                new String[]{"state-at", "w-1", T0.plus(Duration.ofMinutes(95)).toString()},
                new String[]{"state-at", "w-2", T0.plus(Duration.ofHours(3)).toString(), "--format=markdown"},
                new String[]{"findings", "w-1", "--fast=5m", "--normal=10m"},
                new String[]{"findings", "w-2", "--format=json-lines"},
                new String[]{"fleet-timeline", "--from=" + T0.plus(Duration.ofHours(2)),
                        "--to=" + T0.plus(Duration.ofHours(4))});
        for (String[] command : commands) {
            CommandLineToolsTest.Result database = CommandLineToolsTest.run(Map.of(), concat(command,
                    "--jdbc-url=" + jdbcUrl, "--jdbc-user=sa"));
            CommandLineToolsTest.Result axon = onAxonServer(WITH_TOKEN, command);

            assertThat(database.exitCode()).as(String.join(" ", command) + ": " + database.err()).isZero();
            assertThat(axon.exitCode()).as(String.join(" ", command) + ": " + axon.err()).isZero();
            assertThat(axon.out()).as(String.join(" ", command)).isEqualTo(database.out()).isNotBlank();
            assertThat(axon.out() + axon.err()).doesNotContain(TOKEN);
        }
    }

    @Test
    void theFleetTimelineAsksAxonServerForTheTokenAtTheWindowStartAndReadsOnlyFromThere() {
        Instant from = T0.plus(Duration.ofHours(4));
        CommandLineToolsTest.Result result = onAxonServer(WITH_TOKEN, "fleet-timeline", "--from=" + from,
                "--to=" + from.plus(Duration.ofMinutes(30)));

        assertThat(result.exitCode()).as(result.err()).isZero();
        // From - slack (1 min): the first event at or after it, here the 49th (index 48) of 74.
        Instant scanFrom = from.minus(Duration.ofMinutes(1));
        long firstInScan = history.stream().takeWhile(m -> m.getTimestamp().isBefore(scanFrom)).count();
        assertThat(firstInScan).isEqualTo(48);
        assertThat(axonServer.tokenAtRequests()).contains(scanFrom.toEpochMilli());
        assertThat(axonServer.listEventsStarts()).last().isEqualTo(firstInScan);
        assertThat(result.out().lines()).hasSize(6) // w-1 and w-2 at +4h00, +4h10, +4h20 (the end is exclusive)
                .allMatch(line -> line.startsWith("2026-11-24T12:") && line.contains("StatusChanged"));
    }

    @Test
    void aWorkerWithoutEventsIsReportedAsSuchAndExitsWithOneFromEitherStore() {
        for (String command : new String[]{"timeline", "findings", "state-at"}) {
            String[] args = command.equals("state-at") ? new String[]{command, "w-404", T0.toString()}
                    : new String[]{command, "w-404"};
            CommandLineToolsTest.Result axon = onAxonServer(WITH_TOKEN, args);
            CommandLineToolsTest.Result database = CommandLineToolsTest.run(Map.of(), concat(args,
                    "--jdbc-url=" + jdbcUrl, "--jdbc-user=sa"));

            assertThat(axon.exitCode()).as(command).isEqualTo(1);
            assertThat(axon.out()).isEmpty();
            assertThat(axon.err()).isEqualTo(command + ": no events for worker w-404 in Axon Server "
                    + axonServer.address() + " (context cmlfleet)\n");
            assertThat(database.exitCode()).as(command).isEqualTo(1);
            assertThat(database.err()).startsWith(command + ": no events for worker w-404 in the database jdbc:h2:mem:");
        }
        // A known worker asked about an instant before its first event: that is said too.
        CommandLineToolsTest.Result early = onAxonServer(WITH_TOKEN, "state-at", "w-1",
                T0.minusSeconds(60).toString());
        assertThat(early.exitCode()).isEqualTo(1);
        assertThat(early.err()).isEqualTo("state-at: no events for worker w-1 at or before 2026-11-24T07:59:00.123Z\n");
    }

    @Test
    void aRefusedOrMissingTokenIsOneLineThatNeverShowsTheToken() {
        CommandLineToolsTest.Result wrong = onAxonServer(Map.of(AxonServerTarget.TOKEN_VARIABLE, "not-the-token"),
                "timeline", "w-1");
        CommandLineToolsTest.Result missing = onAxonServer(Map.of(), "timeline", "w-1");

        assertThat(wrong.exitCode()).isEqualTo(3);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err()).isEqualTo("timeline: Axon Server " + axonServer.address()
                + " (context cmlfleet) refused the access token from $CMLFLEET_AXON_TOKEN: AXONIQ-1000: Invalid token\n");
        assertThat(wrong.err()).doesNotContain("not-the-token");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).isEqualTo("timeline: Axon Server " + axonServer.address()
                + " (context cmlfleet) refused the access token (none given: set $CMLFLEET_AXON_TOKEN):"
                + " AXONIQ-1000: Invalid token\n");
    }

    @Test
    void anUnreachableServerIsOneLineNamingIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CommandLineToolsTest.Result result = CommandLineToolsTest.run(WITH_TOKEN, "findings", "w-1",
                "--axon-server=localhost:" + closedPort);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("findings: cannot reach Axon Server localhost:" + closedPort
                + " (context default)").endsWith("\n").doesNotContain(TOKEN);
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void overTlsTheServerIsVerifiedAgainstTheGivenCaBundle(@TempDir Path dir) throws Exception {
        Path ca = java.nio.file.Files.writeString(dir.resolve("ca.pem"), AxonServerStandIn.certificatePem());
        try (AxonServerStandIn tlsServer = AxonServerStandIn.startWithTls(CONTEXT, TOKEN)) {
            SameHistoryStores.axonServer(tlsServer, CONTEXT, TOKEN, history);
            String[] timeline = {"timeline", "w-1", "--axon-server=" + tlsServer.address(), "--context=" + CONTEXT};

            CommandLineToolsTest.Result verified = CommandLineToolsTest.run(WITH_TOKEN, concat(timeline,
                    "--ca-bundle=" + ca));
            CommandLineToolsTest.Result untrusted = CommandLineToolsTest.run(WITH_TOKEN, concat(timeline, "--tls"));
            CommandLineToolsTest.Result plain = CommandLineToolsTest.run(WITH_TOKEN, timeline);

            assertThat(verified.exitCode()).as(verified.err()).isZero();
            assertThat(verified.out()).isEqualTo(onAxonServer(WITH_TOKEN, "timeline", "w-1").out());
            assertThat(untrusted.exitCode()).isEqualTo(3);
            assertThat(untrusted.err()).isEqualTo("timeline: cannot reach Axon Server " + tlsServer.address()
                    + " (context cmlfleet, TLS): io exception (unable to find valid certification path to requested"
                    + " target)\n");
            assertThat(untrusted.err().lines()).hasSize(1);
            assertThat(plain.exitCode()).isEqualTo(3);
            assertThat(plain.err()).startsWith("timeline: cannot reach Axon Server " + tlsServer.address()
                    + " (context cmlfleet)");
            assertThat(plain.err().lines()).hasSize(1);
        }
    }

    @Test
    void aWindowAfterTheLastEventIsEmptyAndReadsNoStream() {
        int listEventCalls = axonServer.listEventsStarts().size();
        CommandLineToolsTest.Result result = onAxonServer(WITH_TOKEN, "fleet-timeline",
                "--from=" + T0.plus(Duration.ofDays(2)));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("(no events)\n");
        assertThat(axonServer.listEventsStarts()).hasSize(listEventCalls);
    }

    @Test
    void theStoreIsChosenByTheOptionsAndWrongOnesAreUsageErrors() {
        assertUsageError(onAxonServer(WITH_TOKEN, "timeline", "w-1", "--jdbc-url=" + jdbcUrl),
                "timeline: --axon-server and --jdbc-url/--data-dir name two stores: give one");
        assertUsageError(CommandLineToolsTest.run(Map.of(), "timeline", "w-1", "--axon-server=localhost:8124",
                        "--token=" + TOKEN),
                "timeline: the access token is read from $CMLFLEET_AXON_TOKEN, never from the command line");
        assertUsageError(CommandLineToolsTest.run(Map.of(), "findings", "w-1", "--axon-server=localhost"),
                "findings: --axon-server must be host:port[,host:port...] with ports 1-65535 (got 'localhost')");
        assertUsageError(CommandLineToolsTest.run(Map.of(), "findings", "w-1", "--axon-server=localhost:70000"),
                "findings: --axon-server must be host:port[,host:port...] with ports 1-65535 (got 'localhost:70000')");
        assertUsageError(CommandLineToolsTest.run(Map.of(), "state-at", "w-1", T0.toString(),
                "--axon-server=localhost:8124", "--context=no such"), "state-at: --context must be 1-64 letters,"
                + " digits, '-' or '_' (got 'no such')");
        assertUsageError(CommandLineToolsTest.run(Map.of(), "timeline", "w-1", "--axon-server=localhost:8124",
                "--ca-bundle=/nonexistent/ca.pem"), "timeline: --ca-bundle /nonexistent/ca.pem is not a readable file");
        assertUsageError(CommandLineToolsTest.run(Map.of(), "workers", "--axon-server=localhost:8124"),
                "workers: workers reads the worker summary, which is in the database in every storage mode");
        // Without --axon-server, the database: the history is there, and Axon Server was not asked.
        int listEventCalls = axonServer.listEventsStarts().size();
        CommandLineToolsTest.Result database = CommandLineToolsTest.run(Map.of(), "fleet-timeline",
                "--from=" + T0, "--jdbc-url=" + jdbcUrl, "--jdbc-user=sa");
        assertThat(database.exitCode()).as(database.err()).isZero();
        assertThat(database.out().lines()).hasSize(history.size());
        assertThat(axonServer.listEventsStarts()).hasSize(listEventCalls);
    }

    @Test
    void aMissingEmbeddedStoreIsOneLineNamingTheDirectory(@TempDir Path empty) {
        CommandLineToolsTest.Result result = CommandLineToolsTest.run(Map.of(), "timeline", "w-1",
                "--data-dir=" + empty);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).startsWith("timeline: cannot read the database jdbc:h2:file:" + empty.resolve("cmlfleet")
                + ": Database ").endsWith("\n");
        assertThat(result.err().lines()).hasSize(1);
    }

    private static void assertUsageError(CommandLineToolsTest.Result result, String message) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith(message).contains("usage: ");
        assertThat(result.out()).isEmpty();
    }

    private static CommandLineToolsTest.Result onAxonServer(Map<String, String> environment, String... command) {
        return CommandLineToolsTest.run(environment, concat(command, "--axon-server=" + axonServer.address(),
                "--context=" + CONTEXT));
    }

    private static String[] concat(String[] command, String... more) {
        return Stream.concat(Arrays.stream(command), Arrays.stream(more)).toArray(String[]::new);
    }

    /**
     * Two workers, interleaved: registered at T0, then every 10 minutes for six hours a status change, alternating
     * RUNNING and STOPPED, each with the correlation id and issuer a refresh records.
     */
    private static List<DomainEventMessage<?>> history() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (String worker : List.of("w-1", "w-2")) {
            events.add(message(worker, 0, T0, new WorkerCreated(worker, "lab " + worker, "eu-west-1",
                    "i-0123456789abcdef" + worker.charAt(2), "c5.2xlarge", "ami-12345678", "CML-2.9.1", Map.of(),
                    "forensics test", WorkerOrigin.REGISTERED, T0)));
        }
        for (int step = 1; step <= 36; step++) {
            Instant at = T0.plus(Duration.ofMinutes(10L * step));
            WorkerStatus from = step == 1 ? WorkerStatus.UNKNOWN : step % 2 == 0 ? WorkerStatus.RUNNING
                    : WorkerStatus.STOPPED;
            WorkerStatus to = step % 2 == 1 ? WorkerStatus.RUNNING : WorkerStatus.STOPPED;
            for (String worker : List.of("w-1", "w-2")) {
                events.add(message(worker, step, at, new StatusChanged(worker, from, to,
                        to.name().toLowerCase(), "ec2 reported " + to.name().toLowerCase(), at)));
            }
        }
        return events;
    }

    private static DomainEventMessage<?> message(String worker, long sequence, Instant at, WorkerEvent event) {
        return new GenericDomainEventMessage<>("CMLWorker", worker, sequence, event,
                MetaData.with(RefreshCorrelation.CORRELATION_ID, "corr-" + worker + "-" + sequence)
                        .and(RefreshCorrelation.ISSUED_BY, "monitoring"),
                UUID.randomUUID().toString(), at);
    }
}
