package io.cmlfleet.application.readmodel.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.application.readmodel.schema.SqlTime;
import io.cmlfleet.domain.worker.WorkerSnapshot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code forensic_checkpoint} table: writes for {@link ForensicCheckpointProjection}, reads for forensics.
 *
 * <p>A checkpoint is only ever a shortcut: a row of another snapshot revision, one whose JSON no longer reads, or a
 * table that cannot be read gives {@link Optional#empty()}, and the caller replays from the first event, as it
 * would without checkpoints. The comparisons err on the safe side: {@code max_event_at} is rounded up to the
 * column's microseconds and the instant asked for is rounded down, so a checkpoint is never used when one of its
 * events might lie after that instant.
 */
public final class ForensicCheckpoints {

    /** A checkpoint every this many events of a worker: a replay from one reads at most this many events. */
    public static final int INTERVAL = 500;

    private static final Logger LOG = LoggerFactory.getLogger(ForensicCheckpoints.class);
    private static final String TABLE = ProjectionTables.FORENSIC_CHECKPOINT;
    private static final String COLUMNS = "worker_id, sequence_number, events_applied, max_event_at, last_event_at,"
            + " snapshot_revision, state_json, findings_revision, findings_json";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = CmlfleetSerializer.create().getObjectMapper();

    public ForensicCheckpoints(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /** Whether a checkpoint belongs after the event at {@code sequence}. */
    public static boolean due(long sequence) {
        return (sequence + 1) % INTERVAL == 0;
    }

    /** Stores the checkpoint, replacing one at the same place (a replay writes the same row again). */
    public void write(JdbcTemplate sql, ForensicCheckpoint checkpoint) {
        String state;
        try {
            state = json.writeValueAsString(checkpoint.state());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the checkpoint of " + checkpoint.workerId() + " at #"
                    + checkpoint.sequence() + ": " + e.getOriginalMessage(), e);
        }
        sql.update("DELETE FROM " + TABLE + " WHERE worker_id = ? AND sequence_number = ?", checkpoint.workerId(),
                checkpoint.sequence());
        sql.update("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                checkpoint.workerId(), checkpoint.sequence(), checkpoint.eventsApplied(),
                SqlTime.toSql(roundedUp(checkpoint.maxEventAt())), checkpoint.lastEventAt().toString(),
                WorkerSnapshot.REVISION, state, checkpoint.findingsRevision(), checkpoint.findingsJson());
    }

    /** The latest usable checkpoint whose events all lie at or before {@code at} ({@code null}: the latest). */
    public Optional<ForensicCheckpoint> latestAtOrBefore(String workerId, Instant at) {
        return at == null
                ? latest(workerId, "", new Object[]{workerId, WorkerSnapshot.REVISION})
                : latest(workerId, " AND max_event_at <= ?",
                        new Object[]{workerId, WorkerSnapshot.REVISION, SqlTime.toSql(at)});
    }

    /** The latest usable checkpoint whose events all lie strictly before {@code instant}. */
    public Optional<ForensicCheckpoint> latestBefore(String workerId, Instant instant) {
        return latest(workerId, " AND max_event_at < ?",
                new Object[]{workerId, WorkerSnapshot.REVISION, SqlTime.toSql(instant)});
    }

    /** The latest usable checkpoint before the event at {@code sequence}. */
    public Optional<ForensicCheckpoint> latestBeforeSequence(String workerId, long sequence) {
        return latest(workerId, " AND sequence_number < ?", new Object[]{workerId, WorkerSnapshot.REVISION, sequence});
    }

    /** The latest usable checkpoint before the event at {@code sequence} that carries findings of {@code revision}. */
    public Optional<ForensicCheckpoint> latestBeforeSequence(String workerId, long sequence, String revision) {
        return latest(workerId, " AND sequence_number < ? AND findings_revision = ?",
                new Object[]{workerId, WorkerSnapshot.REVISION, sequence, revision});
    }

    /**
     * The latest usable checkpoint that carries findings of {@code revision} and whose events all lie strictly
     * before {@code instant} ({@code null}: the latest with such findings).
     */
    public Optional<ForensicCheckpoint> latestWithFindingsBefore(String workerId, String revision, Instant instant) {
        return instant == null
                ? latest(workerId, " AND findings_revision = ?", new Object[]{workerId, WorkerSnapshot.REVISION,
                        revision})
                : latest(workerId, " AND findings_revision = ? AND max_event_at < ?", new Object[]{workerId,
                        WorkerSnapshot.REVISION, revision, SqlTime.toSql(instant)});
    }

    private Optional<ForensicCheckpoint> latest(String workerId, String condition, Object[] arguments) {
        // A few rows at most are read: the newest that still parses wins, an unreadable one is passed over.
        String query = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE worker_id = ? AND snapshot_revision = ?"
                + condition + " ORDER BY sequence_number DESC FETCH FIRST 3 ROWS ONLY";
        List<Optional<ForensicCheckpoint>> rows;
        try {
            rows = jdbc.query(query, (rs, n) -> read(rs), arguments);
        } catch (DataAccessException e) {
            LOG.warn("Forensic checkpoints of {} unreadable, replaying from the first event: {}", workerId,
                    e.getMostSpecificCause().getMessage());
            return Optional.empty();
        }
        return rows.stream().flatMap(Optional::stream).findFirst();
    }

    private Optional<ForensicCheckpoint> read(ResultSet rs) throws SQLException {
        String workerId = rs.getString("worker_id");
        long sequence = rs.getLong("sequence_number");
        try {
            WorkerSnapshot state = json.readValue(rs.getString("state_json"), WorkerSnapshot.class);
            return Optional.of(new ForensicCheckpoint(workerId, sequence, rs.getLong("events_applied"),
                    SqlTime.fromSql(rs, "max_event_at"), Instant.parse(rs.getString("last_event_at")), state,
                    rs.getString("findings_revision"), rs.getString("findings_json")));
        } catch (JsonProcessingException | RuntimeException e) {
            // The message names the place, never the stored state.
            LOG.warn("Forensic checkpoint of {} at #{} unreadable, passed over: {}", workerId, sequence,
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Deletes every checkpoint (a rebuild writes them again). */
    public void clear(JdbcTemplate sql) {
        sql.update("DELETE FROM " + TABLE);
    }

    private static Instant roundedUp(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return micros.equals(instant) ? micros : micros.plus(1, ChronoUnit.MICROS);
    }
}
