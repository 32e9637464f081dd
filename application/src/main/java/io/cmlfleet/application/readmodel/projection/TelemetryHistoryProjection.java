package io.cmlfleet.application.readmodel.projection;

import static io.cmlfleet.application.readmodel.schema.SqlTime.toSql;

import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Keeps every telemetry sample as a time series for plots: one row per (worker, sampled at).
 *
 * <p>Idempotent on that key: a re-delivered or replayed sample overwrites its own row. The write is an
 * insert-where-not-exists followed, when the row was there, by an update, rather than a dialect-specific upsert, so
 * that the same SQL runs on H2 and PostgreSQL and a replay can never become a duplicate-key insert. The key time is
 * the microsecond-truncated one of {@code SqlTime}, so the time compared is the time stored. One worker's events are
 * handled in order by a single thread (sequencing per aggregate), so the two statements do not race.
 */
@ProcessingGroup(ProcessingGroups.TELEMETRY_HISTORY)
public class TelemetryHistoryProjection {

    private static final String TABLE = ProjectionTables.TELEMETRY_SAMPLE;

    private final ProjectionJdbc jdbc;

    public TelemetryHistoryProjection(ProjectionJdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @EventHandler
    public void on(TelemetryUpdated event) {
        OffsetDateTime sampledAt = toSql(event.sampledAt());
        jdbc.inSavepoint(sql -> {
            int inserted = sql.update("INSERT INTO " + TABLE + " (worker_id, sampled_at, cpu_percent,"
                            + " memory_percent, window_seconds)"
                            // Casts: both databases must know the types of parameters in a SELECT list.
                            + " SELECT CAST(? AS VARCHAR(128)), CAST(? AS TIMESTAMP WITH TIME ZONE),"
                            + " CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), CAST(? AS BIGINT)"
                            + " WHERE NOT EXISTS (SELECT 1 FROM " + TABLE + " WHERE worker_id = ? AND sampled_at = ?)",
                    event.workerId(), sampledAt, event.cpuPercent(), event.memoryPercent(), event.windowSeconds(),
                    event.workerId(), sampledAt);
            if (inserted == 0) {
                sql.update("UPDATE " + TABLE + " SET cpu_percent = ?, memory_percent = ?, window_seconds = ?"
                                + " WHERE worker_id = ? AND sampled_at = ?",
                        event.cpuPercent(), event.memoryPercent(), event.windowSeconds(), event.workerId(),
                        sampledAt);
            }
        });
    }

    @ResetHandler
    public void reset() {
        jdbc.inSavepoint(sql -> sql.update("DELETE FROM " + TABLE));
    }
}
