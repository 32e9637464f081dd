package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.bootstrap.cli.CommandLineToolsTest;
import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.cmlfleet.domain.worker.WorkerOrigin;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The paged timeline and the forensic checkpoints in the running service: a simulated worker's real refresh history
 * paged over HTTP by following the {@code Link: rel="next"} header until it ends, the pages together being the whole
 * timeline; a long imported history checkpointed by the projection, paged from a window start, and its state at an
 * instant; bad paging parameters as problem details naming the parameter; the CLI pages the same store.
 */
class TimelinePagingServiceTest {

    private static final String KEY = "timeline-paging-key-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @TempDir
    Path dataDir;

    @Test
    void aTimelineIsPagedByLinkHeadersAndALongHistoryStartsAtItsCheckpoints() throws Exception {
        String longHistory = "long-history";
        try (SimulatedFleetRun run = SimulatedFleetRun.start(Map.of(
                "cmlfleet.storage.data-dir", dataDir.toString(),
                "cmlfleet.api.keys[0].name", "ops", "cmlfleet.api.keys[0].key", KEY,
                "cmlfleet.api.keys[0].role", "ADMIN"))) {
            String base = "http://localhost:" + run.context.getEnvironment().getProperty("local.server.port");
            String worker = SimulatedFleetImporter.workerIdFor(run.fleet().workers().get(0));
            run.awaitFullCycle(worker);

            // Page a real history three entries at a time; the pages together are the timeline of the same moment.
            HttpResponse<String> first = get(base + "/api/v1/workers/" + worker + "/timeline?format=csv&limit=3");
            assertThat(first.statusCode()).isEqualTo(200);
            long historyEvents = Long.parseLong(first.headers().firstValue("Cmlfleet-History-Events").orElseThrow());
            assertThat(first.headers().firstValue("Cmlfleet-Next-After")).contains("2");
            List<Long> paged = new ArrayList<>(sequences(first.body()));
            HttpResponse<String> page = first;
            while (page.headers().firstValue("Link").isPresent()) {
                Matcher next = NEXT_LINK.matcher(page.headers().firstValue("Link").orElseThrow());
                assertThat(next.find()).isTrue();
                page = get(next.group(1));
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(sequences(page.body())).hasSizeLessThanOrEqualTo(3);
                paged.addAll(sequences(page.body()));
            }
            assertThat(page.headers().firstValue("Cmlfleet-Next-After")).isEmpty();
            assertThat(paged).isSorted().doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo((int) historyEvents)
                    .startsWith(0L, 1L, 2L, 3L);

            // A long history, checkpointed by the projection every 500 events.
            Instant start = seed(run, longHistory, 1_200);
            JdbcTemplate jdbc = run.context.getBean(JdbcTemplate.class);
            await().atMost(SimulatedFleetRun.PATIENCE).until(() -> jdbc.queryForList("SELECT sequence_number FROM"
                    + " forensic_checkpoint WHERE worker_id = ?", Long.class, longHistory), rows -> rows.size() == 2);
            HttpResponse<String> defaultPage = get(base + "/api/v1/workers/" + longHistory + "/timeline?format=csv");
            assertThat(sequences(defaultPage.body())).hasSize(1_000).startsWith(0L).endsWith(999L);
            // Its monitoring saga refreshes it too (an imported worker): the history only grows past the seeded part.
            assertThat(Long.parseLong(defaultPage.headers().firstValue("Cmlfleet-History-Events").orElseThrow()))
                    .isGreaterThanOrEqualTo(1_200);
            assertThat(defaultPage.headers().firstValue("Cmlfleet-Next-After")).contains("999");
            HttpResponse<String> window = get(base + "/api/v1/workers/" + longHistory + "/timeline?format=csv&limit=5"
                    + "&from=" + start.plusSeconds(1_100));
            assertThat(sequences(window.body())).containsExactly(1_100L, 1_101L, 1_102L, 1_103L, 1_104L);
            HttpResponse<String> state = get(base + "/api/v1/workers/" + longHistory + "/state?format=json-lines&at="
                    + start.plusSeconds(1_050).plusMillis(500));
            assertThat(state.statusCode()).isEqualTo(200);
            assertThat(state.body()).contains("\"eventsApplied\":1051", "\"cpuPercent\":" + (10.0 + 1_050 % 70));

            // Bad paging parameters: 400 problem details that name what was wrong.
            for (String query : List.of("limit=0", "limit=10001", "after=-1")) {
                HttpResponse<String> refused = get(base + "/api/v1/workers/" + worker + "/timeline?" + query);
                assertThat(refused.statusCode()).as(query).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(refused.body()).contains(query.substring(0, query.indexOf('=')) + " must be");
            }
            HttpResponse<String> notANumber = get(base + "/api/v1/workers/" + worker + "/timeline?limit=many");
            assertThat(notANumber.statusCode()).isEqualTo(400);
            assertThat(notANumber.body()).contains("limit");
        }
        // With the service stopped, the CLI pages the same store, and says where the next page starts.
        CommandLineToolsTest.Result cli = CommandLineToolsTest.run(Map.of(), "timeline", longHistory, "--limit", "2",
                "--after", "1099", "--data-dir=" + dataDir);
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out().lines().toList()).hasSize(3);
        assertThat(cli.out()).contains("#1100", "#1101", "(more: --after 1101; ").containsPattern(
                "; 1[2-9]\\d\\d events in the whole history\\)\n$");
        CommandLineToolsTest.Result bad = CommandLineToolsTest.run(Map.of(), "timeline", longHistory, "--limit",
                "20000", "--data-dir=" + dataDir);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--limit must be a positive whole number up to 10000 (got '20000')");
    }

    /** An imported worker with {@code events} events one second apart, written straight to the store. */
    private static Instant seed(SimulatedFleetRun run, String workerId, int events) {
        // Whole seconds: the store keeps milliseconds, and the windows below start at an event's time exactly.
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(events + 3_600L);
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        messages.add(message(workerId, 0, start, new WorkerCreated(workerId, "long", "eu-west-1",
                "i-0fedcba9876543210", "c5.2xlarge", "ami-12345678", null, Map.of(), "test", WorkerOrigin.IMPORTED,
                start)));
        for (int sequence = 1; sequence < events; sequence++) {
            Instant at = start.plusSeconds(sequence);
            messages.add(message(workerId, sequence, at, new TelemetryUpdated(workerId, 10.0 + sequence % 70, 40.0,
                    at, 300)));
        }
        run.context.getBean(TransactionManager.class).executeInTransaction(() -> run.eventStore().publish(messages));
        return start;
    }

    private static DomainEventMessage<?> message(String workerId, long sequence, Instant at, Object payload) {
        return new GenericDomainEventMessage<>("CMLWorker", workerId, sequence, payload,
                org.axonframework.messaging.MetaData.emptyInstance(), java.util.UUID.randomUUID().toString(), at);
    }

    private static List<Long> sequences(String csv) {
        return csv.lines().skip(1).map(line -> Long.parseLong(line.split(",", 4)[2])).toList();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
