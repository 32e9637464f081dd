package io.cmlfleet.application.claim;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code instance_claim} table: one row per (region, instance id) naming the live worker that watches it. Its
 * primary key is what makes "at most one live worker per instance" hold under concurrency: two transactions that
 * claim the same instance cannot both commit. Called inside the command's transaction (the JDBC template joins the
 * Spring transaction of the data source), so a refused claim rolls back the worker's events with it.
 */
public class InstanceClaims {

    /** Created with the other tables by {@code ProjectionSchema}'s {@code instance-claims.sql} (H2, PostgreSQL). */
    public static final String TABLE = "instance_claim";

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public InstanceClaims(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.postgres = isPostgres(dataSource);
    }

    /**
     * Records that {@code workerId} watches the instance, or refuses because another worker does. A concurrent
     * claim of the same instance waits for the other transaction; once that one committed, this one is refused.
     */
    public void claim(String region, String instanceId, String workerId, Instant claimedAt) {
        Optional<String> holder = holderOf(region, instanceId);
        if (holder.isPresent()) {
            refuseUnlessSame(region, instanceId, holder.get(), workerId);
            return;
        }
        if (!insert(region, instanceId, workerId, claimedAt)) {
            // Claimed by a transaction that committed since the lookup above.
            String winner = holderOf(region, instanceId).orElse("(another worker, being created)");
            refuseUnlessSame(region, instanceId, winner, workerId);
        }
    }

    /** Releases every instance the worker watched: a terminated worker watches nothing. */
    public void release(String workerId) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE worker_id = ?", workerId);
    }

    /** The live worker that watches the instance, if any. */
    public Optional<String> holderOf(String region, String instanceId) {
        List<String> holders = jdbc.queryForList("SELECT worker_id FROM " + TABLE
                + " WHERE region = ? AND instance_id = ?", String.class, region, instanceId);
        return holders.stream().findFirst();
    }

    /**
     * True when the row was inserted. PostgreSQL aborts the whole transaction on a failed statement, so there the
     * conflict is skipped ({@code ON CONFLICT DO NOTHING}) to keep the transaction usable for the holder's lookup; H2
     * rolls back only the statement.
     */
    private boolean insert(String region, String instanceId, String workerId, Instant claimedAt) {
        String insert = "INSERT INTO " + TABLE + " (region, instance_id, worker_id, claimed_at) VALUES (?, ?, ?, ?)";
        OffsetDateTime at = claimedAt.atOffset(ZoneOffset.UTC);
        if (postgres) {
            return jdbc.update(insert + " ON CONFLICT (region, instance_id) DO NOTHING", region, instanceId,
                    workerId, at) == 1;
        }
        try {
            return jdbc.update(insert, region, instanceId, workerId, at) == 1;
        } catch (DuplicateKeyException alreadyClaimed) {
            return false;
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database product name", e);
        }
    }

    private static void refuseUnlessSame(String region, String instanceId, String holder, String workerId) {
        if (!holder.equals(workerId)) {
            throw new InstanceAlreadyWatchedException(region, instanceId, holder, workerId);
        }
    }
}
