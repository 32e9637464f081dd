package io.cmlfleet.application.readmodel.query;

import static io.cmlfleet.application.readmodel.schema.SqlTime.fromSql;
import static io.cmlfleet.application.readmodel.schema.SqlTime.toSql;

import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import java.util.List;
import java.util.Objects;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/** Answers {@link GetTelemetryHistory} from the telemetry-history projection ({@code worker_telemetry_sample}). */
public class TelemetryQueryHandler {

    private final JdbcTemplate jdbc;

    public TelemetryQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @QueryHandler
    public TelemetryHistory handle(GetTelemetryHistory query) {
        List<TelemetryPoint> points = jdbc.query(
                "SELECT sampled_at, cpu_percent, memory_percent, window_seconds FROM "
                        + ProjectionTables.TELEMETRY_SAMPLE
                        + " WHERE worker_id = ? AND sampled_at >= ? AND sampled_at < ? ORDER BY sampled_at",
                (rs, rowNum) -> new TelemetryPoint(fromSql(rs, "sampled_at"),
                        rs.getObject("cpu_percent", Double.class), rs.getObject("memory_percent", Double.class),
                        rs.getLong("window_seconds")),
                query.workerId(), toSql(query.from()), toSql(query.to()));
        return new TelemetryHistory(query.workerId(), query.from(), query.to(), points);
    }
}
