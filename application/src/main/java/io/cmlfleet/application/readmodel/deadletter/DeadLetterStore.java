package io.cmlfleet.application.readmodel.deadletter;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.application.text.SafeText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projections' dead letters as operators see them, read with plain SQL from Axon's {@code DeadLetterEntry}
 * table: the same answer in the running service (API, health, metrics) and in the CLI, which reads the store
 * directly. Evicting deletes a whole sequence in one statement.
 */
public final class DeadLetterStore {

    private static final String TABLE = ProjectionTables.DEAD_LETTER;
    private static final String SUMMARY = "SELECT processingGroup, sequenceIdentifier, COUNT(*) AS letters,"
            + " MIN(enqueuedAt) AS firstAt, MAX(enqueuedAt) AS lastAt FROM " + TABLE;
    private static final String ORDER = " GROUP BY processingGroup, sequenceIdentifier"
            + " ORDER BY processingGroup, sequenceIdentifier";

    private final JdbcTemplate jdbc;
    private final Serializer diagnosticsSerializer;

    public DeadLetterStore(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        // ProjectionsModule stores the diagnostics with this serializer.
        this.diagnosticsSerializer = CmlfleetSerializer.create();
    }

    /** Every dead-lettered sequence, by processing group and worker id. */
    public List<DeadLetteredSequence> sequences() {
        return jdbc.query(SUMMARY + ORDER, this::toSequence);
    }

    /** The sequences of one worker, in every projection. */
    public List<DeadLetteredSequence> sequencesOf(String workerId) {
        return jdbc.query(SUMMARY + " WHERE sequenceIdentifier = ?" + ORDER, this::toSequence, workerId);
    }

    public Optional<DeadLetteredSequence> sequence(String processingGroup, String sequenceIdentifier) {
        return jdbc.query(SUMMARY + " WHERE processingGroup = ? AND sequenceIdentifier = ?" + ORDER,
                this::toSequence, processingGroup, sequenceIdentifier).stream().findFirst();
    }

    /** Dead-lettered sequences per processing group, for every group given (0 where there are none). */
    public Map<String, Long> sequencesPerGroup(List<String> processingGroups) {
        Map<String, Long> counts = new LinkedHashMap<>();
        processingGroups.forEach(group -> counts.put(group, 0L));
        jdbc.query("SELECT processingGroup, COUNT(DISTINCT sequenceIdentifier) AS sequences FROM " + TABLE
                        + " GROUP BY processingGroup",
                (ResultSet rs) -> {
                    counts.put(rs.getString("processingGroup"), rs.getLong("sequences"));
                });
        return counts;
    }

    /** Deletes the sequence's letters, dropping those events from the projection; the number deleted. */
    public int evict(String processingGroup, String sequenceIdentifier) {
        return jdbc.update("DELETE FROM " + TABLE + " WHERE processingGroup = ? AND sequenceIdentifier = ?",
                processingGroup, sequenceIdentifier);
    }

    private DeadLetteredSequence toSequence(ResultSet rs, int row) throws SQLException {
        String group = rs.getString("processingGroup");
        String sequence = rs.getString("sequenceIdentifier");
        // The first letter holds the cause of the failure that blocks the sequence and the overflow count.
        Map<String, Object> head = jdbc.queryForMap("SELECT causeType, causeMessage, diagnostics FROM " + TABLE
                + " WHERE processingGroup = ? AND sequenceIdentifier = ? ORDER BY sequenceIndex"
                + " FETCH FIRST 1 ROWS ONLY", group, sequence);
        return new DeadLetteredSequence(group, sequence, rs.getLong("letters"),
                SkippedEvents.count(diagnostics(head.get("diagnostics"))),
                SafeText.line((String) head.get("causeType")), shortened((String) head.get("causeMessage")),
                instant(rs.getString("firstAt")), instant(rs.getString("lastAt")));
    }

    private MetaData diagnostics(Object stored) {
        byte[] bytes = stored instanceof byte[] b ? b : null;
        if (stored instanceof java.sql.Blob blob) {
            try {
                bytes = blob.getBytes(1, (int) blob.length());
            } catch (SQLException unreadable) {
                return MetaData.emptyInstance();
            }
        }
        if (bytes == null || bytes.length == 0) {
            return MetaData.emptyInstance();
        }
        return diagnosticsSerializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class,
                diagnosticsSerializer.typeForClass(MetaData.class)));
    }

    private static String shortened(String cause) {
        String line = SafeText.line(cause);
        return line == null || line.length() <= DeadLetteredSequence.CAUSE_LENGTH
                ? line : line.substring(0, DeadLetteredSequence.CAUSE_LENGTH - 1) + "…";
    }

    /** Axon writes instants with {@code DateTimeUtils.formatInstant}: ISO-8601, so they also sort as text. */
    private static Instant instant(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }
}
