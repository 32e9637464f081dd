package io.cmlfleet.application.readmodel.projection;

import static io.cmlfleet.application.readmodel.schema.SqlTime.toSql;

import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.domain.worker.CmlFacts;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.NetworkAddressesChanged;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;

/**
 * Projects each worker's history into one row of {@code worker_summary}: what a fleet table or a worker page shows.
 *
 * <p>It follows the fold of {@code WorkerState} (same meaning of each event) but keeps only what is displayed.
 * {@code updated_at} is the timestamp of the last applied event, never the wall clock, so a replay rebuilds the
 * very same rows. Facts an event reports as {@code null} ("not learned this time") keep the previous value.
 * Events that do not change a displayed column (status checks, lifecycle requests) are not handled.
 */
@ProcessingGroup(ProcessingGroups.WORKER_SUMMARY)
public class WorkerSummaryProjection {

    private static final String TABLE = ProjectionTables.WORKER_SUMMARY;

    private final ProjectionJdbc jdbc;

    public WorkerSummaryProjection(ProjectionJdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @EventHandler
    public void on(WorkerCreated event, @Timestamp Instant at) {
        jdbc.inSavepoint(sql -> {
            // Delete-then-insert: a re-delivered creation rebuilds the row instead of failing on the primary key.
            sql.update("DELETE FROM " + TABLE + " WHERE worker_id = ?", event.workerId());
            sql.update("INSERT INTO " + TABLE + " (worker_id, name, region, instance_id, instance_type, status,"
                            + " service_status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    event.workerId(), event.name(), event.region(), event.instanceId(), event.instanceType(),
                    // The initial statuses of WorkerState: nothing observed yet.
                    WorkerStatus.UNKNOWN.name(), CmlServiceStatus.UNAVAILABLE.name(),
                    toSql(event.createdAt()), toSql(at));
        });
    }

    @EventHandler
    public void on(StatusChanged event, @Timestamp Instant at) {
        // ec2State is null when an operator marked the worker terminated: keep the last state EC2 reported.
        update(event.workerId(), at, "status = ?, ec2_state = COALESCE(?, ec2_state)",
                event.to().name(), event.ec2State());
    }

    @EventHandler
    public void on(NetworkAddressesChanged event, @Timestamp Instant at) {
        update(event.workerId(), at, "public_ip = ?, private_ip = ?", event.publicIp(), event.privateIp());
    }

    @EventHandler
    public void on(EndpointPopulated event, @Timestamp Instant at) {
        update(event.workerId(), at, "endpoint = ?, endpoint_source = ?", event.endpoint(), event.source().name());
    }

    @EventHandler
    public void on(EndpointCleared event, @Timestamp Instant at) {
        update(event.workerId(), at, "endpoint = NULL, endpoint_source = NULL");
    }

    @EventHandler
    public void on(ServiceHealthEvaluated event, @Timestamp Instant at) {
        update(event.workerId(), at,
                "service_status = ?, service_reason = ?, licensed = COALESCE(?, licensed),"
                        + " enterprise = COALESCE(?, enterprise)",
                event.newStatus().name(), event.newStatus() == CmlServiceStatus.AVAILABLE ? null : event.error(),
                event.licensed(), event.enterprise());
    }

    @EventHandler
    public void on(ServiceMarkedUnavailable event, @Timestamp Instant at) {
        update(event.workerId(), at, "service_status = ?, service_reason = ?", CmlServiceStatus.UNAVAILABLE.name(),
                event.reason());
    }

    @EventHandler
    public void on(CmlStatsRecorded event, @Timestamp Instant at) {
        CmlFacts facts = event.facts() == null
                ? new CmlFacts(null, null, null, null, null, null, null, null, null, null, null, null)
                : event.facts();
        update(event.workerId(), at,
                "cml_version = COALESCE(?, cml_version), licensed = COALESCE(?, licensed),"
                        + " enterprise = COALESCE(?, enterprise), nodes_running = COALESCE(?, nodes_running),"
                        + " nodes_total = COALESCE(?, nodes_total)",
                facts.version(), facts.licensed(), facts.enterprise(), facts.nodesRunning(), facts.nodesTotal());
    }

    @EventHandler
    public void on(TelemetryUpdated event, @Timestamp Instant at) {
        // null is "CloudWatch had no datapoint" and is shown as such: the sample replaces the previous one whole.
        update(event.workerId(), at, "cpu_percent = ?, memory_percent = ?, telemetry_sampled_at = ?",
                event.cpuPercent(), event.memoryPercent(), toSql(event.sampledAt()));
    }

    @EventHandler
    public void on(RefreshCompleted event, @Timestamp Instant at) {
        update(event.workerId(), at, "last_refresh_completed_at = ?, last_refresh_trigger = ?",
                toSql(event.completedAt()), event.trigger() == null ? null : event.trigger().name());
    }

    @EventHandler
    public void on(RefreshFailed event, @Timestamp Instant at) {
        // The last error stays after later successful refreshes: it is "the last thing that went wrong".
        update(event.workerId(), at,
                "last_error_stage = ?, last_error_code = ?, last_error_message = ?, last_error_at = ?",
                event.stage() == null ? null : event.stage().name(), event.errorCode(), event.message(),
                toSql(event.failedAt()));
    }

    @EventHandler
    public void on(WorkerTerminated event, @Timestamp Instant at) {
        update(event.workerId(), at, "status = ?, terminated_at = ?",
                WorkerStatus.TERMINATED.name(), toSql(event.terminatedAt()));
    }

    /** A rebuild starts from empty tables; Axon calls this when the processor's tokens are reset. */
    @ResetHandler
    public void reset() {
        jdbc.inSavepoint(sql -> sql.update("DELETE FROM " + TABLE));
    }

    private void update(String workerId, Instant at, String assignments, Object... values) {
        Object[] parameters = Arrays.copyOf(values, values.length + 2);
        parameters[values.length] = toSql(at);
        parameters[values.length + 1] = workerId;
        jdbc.inSavepoint(sql -> {
            int rows = sql.update("UPDATE " + TABLE + " SET " + assignments + ", updated_at = ? WHERE worker_id = ?",
                    parameters);
            if (rows != 1) {
                // A worker's first event is always WorkerCreated: anything else means a broken or foreign stream.
                throw new ProjectionIntegrityException(
                        "worker_summary has no row for worker '" + workerId + "' (no WorkerCreated seen)");
            }
        });
    }
}
