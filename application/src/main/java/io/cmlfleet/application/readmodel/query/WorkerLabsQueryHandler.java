package io.cmlfleet.application.readmodel.query;

import static io.cmlfleet.application.readmodel.schema.SqlTime.fromSql;

import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import java.util.List;
import java.util.Objects;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/** Answers {@link ListWorkerLabs} from the worker-labs projection ({@code worker_lab}). */
public class WorkerLabsQueryHandler {

    private final JdbcTemplate jdbc;

    public WorkerLabsQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @QueryHandler
    public WorkerLabs handle(ListWorkerLabs query) {
        List<LabView> labs = jdbc.query("SELECT * FROM " + ProjectionTables.WORKER_LAB
                        + " WHERE worker_id = ? ORDER BY title, lab_id",
                (rs, rowNum) -> new LabView(rs.getString("lab_id"), rs.getString("title"),
                        rs.getString("owner_name"), rs.getString("lab_state"),
                        rs.getObject("node_count", Integer.class), rs.getObject("link_count", Integer.class),
                        fromSql(rs, "created_at"), rs.getString("last_action"), rs.getString("last_action_by"),
                        rs.getString("last_outcome"), fromSql(rs, "last_action_at"), rs.getString("last_error"),
                        fromSql(rs, "updated_at")),
                query.workerId());
        return new WorkerLabs(query.workerId(), labs);
    }
}
