package io.cmlfleet.application.readmodel.query;

import static io.cmlfleet.application.readmodel.schema.SqlTime.fromSql;

import io.cmlfleet.application.readmodel.deadletter.DeadLetterStore;
import io.cmlfleet.application.readmodel.deadletter.DeadLetteredSequence;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.EndpointSource;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Answers the worker queries from the worker-summary projection ({@code worker_summary}), each summary marked stale
 * when some of the worker's events are dead-lettered in a projection.
 */
public class WorkerQueryHandler {

    private static final String TABLE = ProjectionTables.WORKER_SUMMARY;
    private static final RowMapper<WorkerSummary> ROW = WorkerQueryHandler::toSummary;

    private final JdbcTemplate jdbc;
    private final DeadLetterStore deadLetters;

    public WorkerQueryHandler(JdbcTemplate jdbc) {
        this(jdbc, new DeadLetterStore(jdbc));
    }

    public WorkerQueryHandler(JdbcTemplate jdbc, DeadLetterStore deadLetters) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    }

    @QueryHandler
    public Optional<WorkerSummary> handle(FindWorkerById query) {
        return jdbc.query("SELECT * FROM " + TABLE + " WHERE worker_id = ?", ROW, query.workerId())
                .stream().findFirst().map(this::withDeadLetters);
    }

    @QueryHandler
    public Optional<WorkerSummary> handle(FindWorkerByInstanceId query) {
        // An instance id belongs to one worker; ordering makes the answer deterministic should an import repeat it.
        return jdbc.query("SELECT * FROM " + TABLE + " WHERE instance_id = ? ORDER BY created_at, worker_id", ROW,
                        query.instanceId())
                .stream().findFirst().map(this::withDeadLetters);
    }

    @QueryHandler
    public WorkerPage handle(ListWorkers query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        addFilter(conditions, parameters, "status", query.status(), WorkerStatus::name);
        addFilter(conditions, parameters, "region", query.region(), Function.identity());
        addFilter(conditions, parameters, "service_status", query.serviceStatus(), CmlServiceStatus::name);
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);

        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + where, Long.class, parameters.toArray());
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(query.pageSize());
        pageParameters.add(query.offset());
        // worker_id breaks ties between equal names, so pages never overlap or skip rows.
        List<WorkerSummary> rows = jdbc.query(
                "SELECT * FROM " + TABLE + where + " ORDER BY name, worker_id LIMIT ? OFFSET ?", ROW,
                pageParameters.toArray());
        // One read of the dead letters per page: they are few (a healthy fleet has none).
        Map<String, List<DeadLetteredSequence>> parked = deadLetters.sequences().stream()
                .collect(Collectors.groupingBy(DeadLetteredSequence::sequenceIdentifier));
        List<WorkerSummary> marked = rows.stream()
                .map(row -> row.withDeadLetters(parked.getOrDefault(row.workerId(), List.of()))).toList();
        return new WorkerPage(marked, query.pageNumber(), query.pageSize(), total == null ? 0 : total);
    }

    private WorkerSummary withDeadLetters(WorkerSummary summary) {
        return summary.withDeadLetters(deadLetters.sequencesOf(summary.workerId()));
    }

    private static <T> void addFilter(List<String> conditions, List<Object> parameters, String column, T value,
                                      Function<T, String> toSql) {
        if (value != null) {
            conditions.add(column + " = ?");
            parameters.add(toSql.apply(value));
        }
    }

    private static WorkerSummary toSummary(ResultSet rs, int rowNum) throws SQLException {
        String errorStage = rs.getString("last_error_stage");
        LastRefreshError lastError = errorStage == null && rs.getObject("last_error_at") == null
                ? null
                : new LastRefreshError(enumOf(RefreshStage.class, errorStage), rs.getString("last_error_code"),
                        rs.getString("last_error_message"), fromSql(rs, "last_error_at"));
        return new WorkerSummary(
                rs.getString("worker_id"),
                rs.getString("name"),
                rs.getString("region"),
                rs.getString("instance_id"),
                rs.getString("instance_type"),
                enumOf(WorkerStatus.class, rs.getString("status")),
                rs.getString("ec2_state"),
                rs.getString("public_ip"),
                rs.getString("private_ip"),
                rs.getString("endpoint"),
                enumOf(EndpointSource.class, rs.getString("endpoint_source")),
                enumOf(CmlServiceStatus.class, rs.getString("service_status")),
                rs.getString("service_reason"),
                rs.getObject("licensed", Boolean.class),
                rs.getObject("enterprise", Boolean.class),
                rs.getString("cml_version"),
                rs.getObject("nodes_running", Integer.class),
                rs.getObject("nodes_total", Integer.class),
                rs.getObject("cpu_percent", Double.class),
                rs.getObject("memory_percent", Double.class),
                fromSql(rs, "telemetry_sampled_at"),
                fromSql(rs, "last_refresh_completed_at"),
                enumOf(RefreshTrigger.class, rs.getString("last_refresh_trigger")),
                lastError,
                fromSql(rs, "created_at"),
                fromSql(rs, "terminated_at"),
                fromSql(rs, "updated_at"),
                false,
                List.of());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
