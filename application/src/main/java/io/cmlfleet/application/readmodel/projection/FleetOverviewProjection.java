package io.cmlfleet.application.readmodel.projection;

import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Keeps, per worker, only the dimensions the fleet overview counts: region, status and service status, in
 * {@code fleet_worker_status}. The counts are a {@code GROUP BY} at query time rather than stored counters: a counter
 * is only right if every increment and decrement was applied exactly once, whereas a row per worker is right after
 * any replay or re-delivery. A fleet has hundreds of workers, not millions, so grouping them on read is cheap.
 */
@ProcessingGroup(ProcessingGroups.FLEET_OVERVIEW)
public class FleetOverviewProjection {

    private static final String TABLE = ProjectionTables.FLEET_WORKER_STATUS;

    private final ProjectionJdbc jdbc;

    public FleetOverviewProjection(ProjectionJdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @EventHandler
    public void on(WorkerCreated event) {
        jdbc.inSavepoint(sql -> {
            sql.update("DELETE FROM " + TABLE + " WHERE worker_id = ?", event.workerId());
            sql.update("INSERT INTO " + TABLE + " (worker_id, region, status, service_status) VALUES (?, ?, ?, ?)",
                    event.workerId(), event.region(), WorkerStatus.UNKNOWN.name(),
                    CmlServiceStatus.UNAVAILABLE.name());
        });
    }

    @EventHandler
    public void on(StatusChanged event) {
        update(event.workerId(), "status", event.to().name());
    }

    @EventHandler
    public void on(WorkerTerminated event) {
        update(event.workerId(), "status", WorkerStatus.TERMINATED.name());
    }

    @EventHandler
    public void on(ServiceHealthEvaluated event) {
        update(event.workerId(), "service_status", event.newStatus().name());
    }

    @EventHandler
    public void on(ServiceMarkedUnavailable event) {
        update(event.workerId(), "service_status", CmlServiceStatus.UNAVAILABLE.name());
    }

    @ResetHandler
    public void reset() {
        jdbc.inSavepoint(sql -> sql.update("DELETE FROM " + TABLE));
    }

    private void update(String workerId, String column, String value) {
        jdbc.inSavepoint(sql -> {
            int rows = sql.update("UPDATE " + TABLE + " SET " + column + " = ? WHERE worker_id = ?", value, workerId);
            if (rows != 1) {
                throw new ProjectionIntegrityException(
                        "fleet_worker_status has no row for worker '" + workerId + "' (no WorkerCreated seen)");
            }
        });
    }
}
