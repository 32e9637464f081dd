package io.cmlfleet.application.monitoring;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@value #NAME} table db-scheduler keeps its tasks (our deadlines) in. Hosts that manage their schema with
 * migrations can run the scripts under {@code db/scheduler/} instead of calling {@link #createIfMissing}.
 */
public final class SchedulerTable {

    /** db-scheduler's default table name, which the scripts and {@link DurableDeadlines} use. */
    public static final String NAME = "scheduled_tasks";

    private static final Logger log = LoggerFactory.getLogger(SchedulerTable.class);

    private SchedulerTable() {
    }

    /** Creates the table (and its indexes) unless it exists, choosing the DDL from the database's product name. */
    public static void createIfMissing(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            SchedulerTableDialect dialect =
                    SchedulerTableDialect.forProductName(connection.getMetaData().getDatabaseProductName());
            createIfMissing(connection, dialect);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the " + NAME + " table", e);
        }
    }

    /** Whether the table exists (in any letter case: H2 folds to upper, PostgreSQL to lower). */
    public static boolean exists(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return exists(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look for the " + NAME + " table", e);
        }
    }

    /**
     * Releases the deadlines a scheduler of this name had picked: a new version, so that a pick by the old process
     * can no longer complete them. Only for a scheduler that is about to start, whose name no live node shares.
     *
     * @return how many were released
     */
    public static int releasePickedBy(DataSource dataSource, String schedulerName) {
        try (Connection connection = dataSource.getConnection();
             var update = connection.prepareStatement("UPDATE " + NAME + " SET picked = ?, picked_by = NULL,"
                     + " last_heartbeat = NULL, version = version + 1 WHERE picked = ? AND picked_by = ?")) {
            update.setBoolean(1, false);
            update.setBoolean(2, true);
            update.setString(3, schedulerName);
            int released = update.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return released;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot release the deadlines picked by " + schedulerName + " in "
                    + NAME, e);
        }
    }

    private static void createIfMissing(Connection connection, SchedulerTableDialect dialect) throws SQLException {
        if (exists(connection)) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : dialect.statements()) {
                statement.execute(sql);
            }
            connection.commit();
            log.info("Created the {} table for durable deadlines ({})", NAME, dialect);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String candidate : new String[] {NAME, NAME.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet tables = metaData.getTables(null, null, candidate, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
