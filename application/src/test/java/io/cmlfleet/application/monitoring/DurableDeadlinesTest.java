package io.cmlfleet.application.monitoring;

import static io.cmlfleet.application.monitoring.WorkerMonitoringSaga.DEADLINE_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real H2, real db-scheduler, real {@code DbSchedulerDeadlineManager}: deadlines outlive the scheduler that
 * accepted them, fire exactly once afterwards, and a cancelled one stays cancelled. Nothing here depends on timing
 * other than "eventually, within a generous bound".
 */
class DurableDeadlinesTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final List<String> WORKERS = List.of("w-1", "w-2", "w-3", "w-4", "w-5");

    private final List<DurableDeadlines> started = new ArrayList<>();
    private JdbcDataSource dataSource;

    @BeforeEach
    void setUp() {
        dataSource = new JdbcDataSource();
        // A named in-memory database that outlives its connections: the "disk" that survives the crash.
        dataSource.setURL("jdbc:h2:mem:deadlines-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchedulerTable.createIfMissing(dataSource);
    }

    @AfterEach
    void tearDown() throws SQLException {
        started.forEach(DurableDeadlines::stop);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void theTableIsCreatedOnceAndCreatingItAgainIsHarmless() throws SQLException {
        assertThat(SchedulerTable.exists(dataSource)).isTrue();
        SchedulerTable.createIfMissing(dataSource);
        assertThat(pendingRows()).isZero();
    }

    @Test
    void deadlinesPendingAtACrashFireExactlyOnceAfterRestartAndCancelledOnesNever() throws SQLException {
        RecordingWorkerScopes crashed = new RecordingWorkerScopes("node-1");
        DurableDeadlines beforeCrash = node("node-1", crashed);
        beforeCrash.start();
        DeadlineManager manager = beforeCrash.deadlineManager();
        Instant now = Instant.now();
        Instant dueWhileDown = now.plusSeconds(2);
        Instant dueAfterRestart = now.plusSeconds(4);
        for (int i = 0; i < WORKERS.size(); i++) {
            scheduleFor(manager, WORKERS.get(i), i < 3 ? dueWhileDown : dueAfterRestart, 1);
        }
        String cancelled = scheduleFor(manager, "w-cancelled", dueWhileDown, 1);
        beforeCrash.stop();
        // The cancel goes straight to the table, as a cancel handled by any other node would.
        manager.cancelSchedule(DEADLINE_NAME, cancelled);
        assertThat(crashed.deliveries()).isEmpty();
        assertThat(pendingRows()).isEqualTo(WORKERS.size());
        // Stay down until the first three are overdue.
        await().atMost(EVENTUALLY).until(() -> Instant.now().isAfter(dueWhileDown));

        RecordingWorkerScopes afterRestart = new RecordingWorkerScopes("node-2");
        node("node-2", afterRestart).start();

        await().atMost(EVENTUALLY).until(() -> pendingRows() == 0 && afterRestart.deliveries().size() >= WORKERS.size());
        assertThat(deliveriesPerWorker(afterRestart.deliveries()))
                .containsOnlyKeys(WORKERS)
                .allSatisfy((worker, count) -> assertThat(count).as(worker).isEqualTo(1L));
        assertThat(afterRestart.deliveries())
                .allSatisfy(delivery -> {
                    assertThat(delivery.deadlineName()).isEqualTo(DEADLINE_NAME);
                    assertThat(delivery.payload()).isEqualTo(new RefreshDue(delivery.sagaId(), 1));
                });
    }

    @Test
    void deadlinesPickedByAKilledNodeFireAsSoonAsItRestartsAndOtherNodesPicksAreLeftAlone() throws SQLException {
        DurableDeadlines scheduling = node("scheduling", new RecordingWorkerScopes("scheduling"));
        Instant due = Instant.now().minusSeconds(1);
        String inFlight = scheduleFor(scheduling.deadlineManager(), "w-in-flight", due, 1);
        String otherNodes = scheduleFor(scheduling.deadlineManager(), "w-other-node", due, 1);
        // As kill -9 leaves them: picked, with a fresh heartbeat, by node-1 and by a node that is still alive.
        markPicked(inFlight, "node-1");
        markPicked(otherNodes, "node-2");

        RecordingWorkerScopes restarted = new RecordingWorkerScopes("node-1");
        node("node-1", restarted).start();

        // db-scheduler's own dead-execution check would wait 6 missed heartbeats of 20 s: two minutes.
        await().atMost(EVENTUALLY).until(() -> restarted.deliveries().size() >= 1);
        assertThat(deliveriesPerWorker(restarted.deliveries())).containsOnlyKeys("w-in-flight");
        assertThat(pickedBy(otherNodes)).isEqualTo("node-2");
    }

    @Test
    void startingAgainWhileARoundRunsLeavesItsPickAlone() throws Exception {
        CountDownLatch roundRunning = new CountDownLatch(1);
        CountDownLatch endRound = new CountDownLatch(1);
        FleetRound round = new FleetRound("a-round", Duration.ofHours(1), () -> {
            roundRunning.countDown();
            try {
                endRound.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        DurableDeadlines deadlines = DurableDeadlines.create(dataSource, new RecordingWorkerScopes("node-1"),
                CmlfleetSerializer.create(), NoTransactionManager.INSTANCE, DeadlineSchedulerSettings.defaults()
                        .withPollingInterval(Duration.ofMillis(100)).withSchedulerName("node-1"), List.of(round));
        started.add(deadlines);
        deadlines.start();
        assertThat(roundRunning.await(30, TimeUnit.SECONDS)).isTrue();

        // Axon's lifecycle starts the deadline manager too: the picks released at the first start are a dead
        // node's, never the ones this node is running (released, its round could not be completed, and ran again).
        deadlines.start();

        assertThat(pickedBy("recurring")).isEqualTo("node-1");
        endRound.countDown();
        await().atMost(EVENTUALLY).until(() -> pickedBy("recurring") == null);
    }

    private void markPicked(String scheduleId, String node) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var update = connection.prepareStatement("UPDATE " + SchedulerTable.NAME + " SET picked = TRUE,"
                     + " picked_by = ?, last_heartbeat = ? WHERE task_instance = ?")) {
            update.setString(1, node);
            update.setTimestamp(2, java.sql.Timestamp.from(Instant.now()));
            update.setString(3, scheduleId);
            assertThat(update.executeUpdate()).as("rows of " + scheduleId).isEqualTo(1);
        }
    }

    private String pickedBy(String scheduleId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var query = connection.prepareStatement("SELECT picked_by FROM " + SchedulerTable.NAME
                     + " WHERE task_instance = ?")) {
            query.setString(1, scheduleId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    @Test
    void twoNodesOnTheSameDatabaseNeverRunTheSameDeadlineTwice() throws SQLException {
        DurableDeadlines scheduling = node("scheduling", new RecordingWorkerScopes("scheduling"));
        Instant due = Instant.now().plusMillis(400);
        List<String> fleet = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fleet.add("w-" + i);
            scheduleFor(scheduling.deadlineManager(), "w-" + i, due, 1);
        }
        Queue<RecordingWorkerScopes.Delivery> shared = new ConcurrentLinkedQueue<>();
        node("node-a", new RecordingWorkerScopes("node-a", shared)).start();
        node("node-b", new RecordingWorkerScopes("node-b", shared)).start();

        await().atMost(EVENTUALLY).until(() -> pendingRows() == 0 && shared.size() >= fleet.size());
        assertThat(deliveriesPerWorker(List.copyOf(shared)))
                .containsOnlyKeys(fleet)
                .allSatisfy((worker, count) -> assertThat(count).as(worker).isEqualTo(1L));
    }

    @Test
    void aDeadlineHandlerCanScheduleTheNextDeadlineAsTheSagaDoes() {
        RecordingWorkerScopes scopes = new RecordingWorkerScopes("node-1");
        DurableDeadlines deadlines = node("node-1", scopes);
        scopes.reactWith(delivery -> {
            RefreshDue due = (RefreshDue) delivery.payload();
            if (due.sequence() < 3) {
                scheduleFor(deadlines.deadlineManager(), due.workerId(), Instant.now().plusMillis(150),
                            due.sequence() + 1);
            }
        });
        scheduleFor(deadlines.deadlineManager(), "w-1", Instant.now(), 1);
        deadlines.start();

        await().atMost(EVENTUALLY).until(() -> scopes.deliveries().size() >= 3 && pendingRows() == 0);
        assertThat(scopes.deliveries())
                .extracting(RecordingWorkerScopes.Delivery::payload)
                .containsExactly(new RefreshDue("w-1", 1), new RefreshDue("w-1", 2), new RefreshDue("w-1", 3));
    }

    @Test
    void cancellingADeadlineWhileItExecutesIsHarmlessAndItStillRunsOnce() throws Exception {
        RecordingWorkerScopes scopes = new RecordingWorkerScopes("node-1");
        CountDownLatch release = new CountDownLatch(1);
        scopes.reactWith(delivery -> {
            try {
                release.await(EVENTUALLY.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        DurableDeadlines deadlines = node("node-1", scopes);
        String id = scheduleFor(deadlines.deadlineManager(), "w-1", Instant.now(), 1);
        deadlines.start();
        await().atMost(EVENTUALLY).until(() -> scopes.deliveries().size() == 1);

        try {
            // What WorkerTerminated does when it races a firing deadline: db-scheduler alone would refuse.
            assertThatCode(() -> deadlines.deadlineManager().cancelSchedule(DEADLINE_NAME, id))
                    .doesNotThrowAnyException();
        } finally {
            release.countDown();
        }

        await().atMost(EVENTUALLY).until(() -> pendingRows() == 0);
        assertThat(scopes.deliveries()).hasSize(1);
    }

    private DurableDeadlines node(String name, RecordingWorkerScopes scopes) {
        DurableDeadlines deadlines = DurableDeadlines.create(
                dataSource, scopes, CmlfleetSerializer.create(), NoTransactionManager.INSTANCE,
                DeadlineSchedulerSettings.defaults()
                        .withPollingInterval(Duration.ofMillis(100))
                        .withSchedulerName(name));
        started.add(deadlines);
        return deadlines;
    }

    private static String scheduleFor(DeadlineManager manager, String workerId, Instant due, long sequence) {
        return manager.schedule(due, DEADLINE_NAME, new RefreshDue(workerId, sequence),
                                RecordingWorkerScopes.scopeOf(workerId));
    }

    private static Map<String, Long> deliveriesPerWorker(List<RecordingWorkerScopes.Delivery> deliveries) {
        return deliveries.stream()
                .collect(Collectors.groupingBy(RecordingWorkerScopes.Delivery::sagaId, Collectors.counting()));
    }

    private int pendingRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + SchedulerTable.NAME)) {
            count.next();
            return count.getInt(1);
        }
    }
}
