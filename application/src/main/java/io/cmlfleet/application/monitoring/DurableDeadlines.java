package io.cmlfleet.application.monitoring;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManagerSupplier;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.serialization.Serializer;

/**
 * Deadlines that survive a crash: Axon's {@link DbSchedulerDeadlineManager} on a db-scheduler {@link Scheduler} that
 * keeps every pending deadline as a row of {@value SchedulerTable#NAME} in the application's database.
 *
 * <p>The manager is a {@link CancelTolerantDbSchedulerDeadlineManager}. The scheduler needs Axon's deadline task
 * before the manager exists, and the task needs the manager to run; a {@link DbSchedulerDeadlineManagerSupplier}
 * breaks that cycle. The manager starts and stops the scheduler: through Axon's lifecycle when it is the
 * configuration's deadline manager <em>and is created before the configuration starts</em> (components are lazy; see
 * docs/monitoring.md (monitoring saga)), or through {@link #start()} and {@link #stop()} otherwise.
 */
public final class DurableDeadlines implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DurableDeadlines.class);

    private final Scheduler scheduler;
    private final DbSchedulerDeadlineManager deadlineManager;

    private DurableDeadlines(Scheduler scheduler, DbSchedulerDeadlineManager deadlineManager) {
        this.scheduler = scheduler;
        this.deadlineManager = deadlineManager;
    }

    /**
     * Builds the scheduler and the deadline manager; starts nothing. The {@value SchedulerTable#NAME} table must exist
     * (see {@link SchedulerTable#createIfMissing(DataSource)}).
     *
     * @param dataSource         the application's database
     * @param scopeAwareProvider finds the saga (or aggregate) a deadline belongs to; in an Axon configuration,
     *                           {@code new ConfigurationScopeAwareProvider(configuration)}
     * @param serializer         serializes deadline payloads and scope descriptors (the application's serializer)
     * @param transactionManager the transaction a fired deadline is handled in
     * @param settings           polling, threads, heartbeats
     */
    public static DurableDeadlines create(
            DataSource dataSource,
            ScopeAwareProvider scopeAwareProvider,
            Serializer serializer,
            TransactionManager transactionManager,
            DeadlineSchedulerSettings settings) {
        return create(dataSource, scopeAwareProvider, serializer, transactionManager, settings, List.of());
    }

    /**
     * As {@link #create(DataSource, ScopeAwareProvider, Serializer, TransactionManager, DeadlineSchedulerSettings)},
     * with fleet-wide rounds that run on this scheduler, each on one node at a time (see {@link FleetRound}). A round
     * occupies one of the scheduler's threads while it runs.
     */
    public static DurableDeadlines create(
            DataSource dataSource,
            ScopeAwareProvider scopeAwareProvider,
            Serializer serializer,
            TransactionManager transactionManager,
            DeadlineSchedulerSettings settings,
            List<FleetRound> rounds) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(settings, "settings");
        DbSchedulerDeadlineManagerSupplier managerSupplier = new DbSchedulerDeadlineManagerSupplier();
        List<RecurringTask<Void>> recurring = rounds.stream()
                .map(round -> Tasks.recurring(round.name(), FixedDelay.of(round.every()))
                        .execute((instance, context) -> round.round().run()))
                .toList();
        // Start tasks are known tasks too: the recurring ones are listed there only (twice would be refused).
        List<Task<?>> tasks = List.of(DbSchedulerDeadlineManager.binaryTask(managerSupplier));
        SchedulerBuilder builder = Scheduler.create(dataSource, tasks)
                .startTasks(recurring)
                .tableName(SchedulerTable.NAME)
                .pollingInterval(settings.pollingInterval())
                .threads(settings.threads())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeatsLimit())
                .shutdownMaxWait(settings.shutdownMaxWait());
        if (settings.schedulerName() != null) {
            builder.schedulerName(new SchedulerName.Fixed(settings.schedulerName()));
        }
        Scheduler scheduler = builder.build();
        String ownName = settings.schedulerName() != null ? settings.schedulerName()
                : new SchedulerName.Hostname().getName();
        DbSchedulerDeadlineManager deadlineManager = CancelTolerantDbSchedulerDeadlineManager.build(
                DbSchedulerDeadlineManager.builder()
                        .scopeAwareProvider(scopeAwareProvider)
                        .serializer(serializer)
                        .transactionManager(transactionManager)
                        .startScheduler(true)
                        .stopScheduler(true),
                scheduler, () -> releaseOwnPicks(dataSource, ownName));
        managerSupplier.set(deadlineManager);
        return new DurableDeadlines(scheduler, deadlineManager);
    }

    /** The deadline manager to register with Axon ({@code Configurer.configureDeadlineManager}). */
    public DbSchedulerDeadlineManager deadlineManager() {
        return deadlineManager;
    }

    /** The underlying scheduler, e.g. for health checks. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Starts polling for due deadlines; overdue ones (from before a restart) fire on the first polls. Deadlines this
     * node had picked when it was killed are released first: nothing of this node can still be running them, and
     * otherwise they would wait for db-scheduler's dead-execution check (missed heartbeats, about two minutes).
     */
    public void start() {
        deadlineManager.start();
    }

    private static void releaseOwnPicks(DataSource dataSource, String ownName) {
        int released = SchedulerTable.releasePickedBy(dataSource, ownName);
        if (released > 0) {
            LOG.info("Released {} deadline(s) that this node ({}) had picked before it stopped without finishing"
                    + " them; they fire now", released, ownName);
        }
    }

    /** Stops polling and waits up to the configured time for running deadlines. Pending deadlines stay in the table. */
    public void stop() {
        deadlineManager.shutdown();
    }

    @Override
    public void close() {
        stop();
    }
}
