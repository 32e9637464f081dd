package io.cmlfleet.application.readmodel.projection;

import static io.cmlfleet.application.readmodel.schema.SqlTime.toSql;

import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Keeps every telemetry sample as a time series for plots: one row per (worker, sampled at).
 *
 * <p>Idempotent on that key: a re-delivered or replayed sample overwrites its own row. The write is an
 * update-then-insert rather than a dialect-specific upsert so that the same SQL runs on H2 and PostgreSQL; it is
 * race-free because the events of one worker are handled in order by a single thread (sequencing per aggregate).
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
        jdbc.inSavepoint(sql -> {
            int updated = sql.update("UPDATE " + TABLE + " SET cpu_percent = ?, memory_percent = ?,"
                            + " window_seconds = ? WHERE worker_id = ? AND sampled_at = ?",
                    event.cpuPercent(), event.memoryPercent(), event.windowSeconds(), event.workerId(),
                    toSql(event.sampledAt()));
            if (updated == 0) {
                sql.update("INSERT INTO " + TABLE + " (worker_id, sampled_at, cpu_percent, memory_percent,"
                                + " window_seconds) VALUES (?, ?, ?, ?, ?)",
                        event.workerId(), toSql(event.sampledAt()), event.cpuPercent(), event.memoryPercent(),
                        event.windowSeconds());
            }
        });
    }

    @ResetHandler
    public void reset() {
        jdbc.inSavepoint(sql -> sql.update("DELETE FROM " + TABLE));
    }
}
