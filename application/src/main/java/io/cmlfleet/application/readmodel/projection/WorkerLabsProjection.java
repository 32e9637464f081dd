package io.cmlfleet.application.readmodel.projection;

import static io.cmlfleet.application.readmodel.schema.SqlTime.toSql;

import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.domain.worker.LabAction;
import io.cmlfleet.domain.worker.LabFacts;
import io.cmlfleet.domain.worker.LabOutcome;
import io.cmlfleet.domain.worker.event.LabActionRecorded;
import io.cmlfleet.domain.worker.event.LabInventoryChanged;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The labs of each worker, one row per (worker, lab): a listing replaces the worker's rows (labs that went are
 * deleted, the others rewritten, keeping their last action), a successful action rewrites its lab's row with the
 * lab as CML described it afterwards (a delete removes it), a failed one only notes the attempt.
 *
 * <p>Idempotent on its key like the other projections (insert-where-not-exists, then update), and every time it
 * writes is an event's, so a replay rebuilds the same rows.
 */
@ProcessingGroup(ProcessingGroups.WORKER_LABS)
public class WorkerLabsProjection {

    private static final String TABLE = ProjectionTables.WORKER_LAB;

    private final ProjectionJdbc jdbc;

    public WorkerLabsProjection(ProjectionJdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @EventHandler
    public void on(LabInventoryChanged event) {
        jdbc.inSavepoint(sql -> {
            List<String> listed = event.labs().stream().map(LabFacts::labId).toList();
            if (listed.isEmpty()) {
                sql.update("DELETE FROM " + TABLE + " WHERE worker_id = ?", event.workerId());
            } else {
                String marks = String.join(", ", Collections.nCopies(listed.size(), "?"));
                Object[] arguments = new Object[listed.size() + 1];
                arguments[0] = event.workerId();
                for (int i = 0; i < listed.size(); i++) {
                    arguments[i + 1] = listed.get(i);
                }
                sql.update("DELETE FROM " + TABLE + " WHERE worker_id = ? AND lab_id NOT IN (" + marks + ")",
                        arguments);
            }
            event.labs().forEach(lab -> writeFacts(sql, event.workerId(), lab, event.observedAt()));
        });
    }

    @EventHandler
    public void on(LabActionRecorded event) {
        if (event.labId() == null) {
            return; // a failed import: no lab to show it on
        }
        jdbc.inSavepoint(sql -> {
            boolean succeeded = event.outcome() == LabOutcome.SUCCEEDED;
            if (succeeded && event.action() == LabAction.DELETE) {
                sql.update("DELETE FROM " + TABLE + " WHERE worker_id = ? AND lab_id = ?", event.workerId(),
                        event.labId());
                return;
            }
            if (succeeded && event.lab() != null) {
                writeFacts(sql, event.workerId(), event.lab(), event.performedAt());
            }
            sql.update("UPDATE " + TABLE + " SET last_action = ?, last_action_by = ?, last_outcome = ?,"
                            + " last_action_at = ?, last_error = ?, updated_at = ? WHERE worker_id = ? AND lab_id = ?",
                    event.action().name(), event.requestedBy(), event.outcome().name(), toSql(event.performedAt()),
                    succeeded ? null : event.errorCode() + ": " + event.message(), toSql(event.performedAt()),
                    event.workerId(), event.labId());
        });
    }

    private static void writeFacts(JdbcTemplate sql, String workerId, LabFacts lab, Instant at) {
        int inserted = sql.update("INSERT INTO " + TABLE + " (worker_id, lab_id, title, owner_name, lab_state,"
                        + " node_count, link_count, created_at, updated_at)"
                        // Casts: both databases must know the types of parameters in a SELECT list.
                        + " SELECT CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(255)),"
                        + " CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(32)), CAST(? AS INTEGER), CAST(? AS INTEGER),"
                        + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM " + TABLE + " WHERE worker_id = ? AND lab_id = ?)",
                workerId, lab.labId(), lab.title(), lab.owner(), lab.state(), lab.nodeCount(), lab.linkCount(),
                toSql(lab.createdAt()), toSql(at), workerId, lab.labId());
        if (inserted == 0) {
            sql.update("UPDATE " + TABLE + " SET title = ?, owner_name = ?, lab_state = ?, node_count = ?,"
                            + " link_count = ?, created_at = ?, updated_at = ? WHERE worker_id = ? AND lab_id = ?",
                    lab.title(), lab.owner(), lab.state(), lab.nodeCount(), lab.linkCount(), toSql(lab.createdAt()),
                    toSql(at), workerId, lab.labId());
        }
    }

    @ResetHandler
    public void reset() {
        jdbc.inSavepoint(sql -> sql.update("DELETE FROM " + TABLE));
    }
}
