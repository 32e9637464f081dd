package io.cmlfleet.bootstrap.observability;

import com.github.kagkarlsson.scheduler.SchedulerState;
import io.cmlfleet.application.monitoring.DurableDeadlines;
import io.cmlfleet.application.monitoring.SchedulerTable;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The durable deadlines that drive monitoring: the {@value SchedulerTable#NAME} table is readable and the
 * db-scheduler polls it. DOWN when the scheduler is not running (no worker would be refreshed) or the table cannot
 * be read. Deadlines overdue by more than {@link #OVERDUE_AFTER} are reported: many of them mean the scheduler
 * falls behind.
 */
class DeadlinesHealthIndicator extends AbstractHealthIndicator {

    static final Duration OVERDUE_AFTER = Duration.ofMinutes(1);

    private final DurableDeadlines deadlines;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DeadlinesHealthIndicator(DurableDeadlines deadlines, JdbcTemplate jdbc, Clock clock) {
        super("The deadline table cannot be read");
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        // Fleet rounds (the lab listing) share the table as recurring tasks; they are no worker's deadline.
        String deadlinesOnly = " WHERE task_instance <> '" + RecurringTask.INSTANCE + "'";
        Long pending = jdbc.queryForObject("SELECT COUNT(*) FROM " + SchedulerTable.NAME + deadlinesOnly,
                Long.class);
        Long overdue = jdbc.queryForObject("SELECT COUNT(*) FROM " + SchedulerTable.NAME + deadlinesOnly
                        + " AND picked = FALSE AND execution_time < ?", Long.class,
                Timestamp.from(clock.instant().minus(OVERDUE_AFTER)));
        SchedulerState state = deadlines.scheduler().getSchedulerState();
        boolean polling = state.isStarted() && !state.isShuttingDown() && !state.isPaused();
        (polling ? builder.up() : builder.down())
                .withDetail("table", SchedulerTable.NAME)
                .withDetail("scheduler", state.isShuttingDown() ? "shutting down"
                        : state.isPaused() ? "paused" : state.isStarted() ? "polling" : "not started")
                .withDetail("pendingDeadlines", pending == null ? 0 : pending)
                .withDetail("overdueDeadlines", overdue == null ? 0 : overdue);
    }
}
