package io.cmlfleet.bootstrap;

import io.cmlfleet.bootstrap.config.InvalidSettingException;
import io.cmlfleet.bootstrap.config.StorageMode;
import io.cmlfleet.bootstrap.config.StorageProperties;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * In axon-server mode the events live in Axon Server, but tracking tokens, sagas, deadlines and read models live in
 * the database. Without {@code spring.datasource.url}, Spring Boot quietly creates an in-memory database: every
 * restart would then forget which worker is monitored while health says UP. So startup stops here instead, unless
 * {@code cmlfleet.storage.allow-in-memory-database=true} says that is wanted (tests).
 */
final class PersistentDatabaseCheck {

    private PersistentDatabaseCheck() {
    }

    static void requirePersistentDatabase(StorageProperties storage, DataSource dataSource) {
        if (storage.mode() != StorageMode.AXON_SERVER || storage.allowInMemoryDatabase()) {
            return;
        }
        String url = urlOf(dataSource);
        if (isInMemory(url)) {
            throw new InvalidSettingException("cmlfleet.storage.mode", "cmlfleet.storage.mode=axon-server keeps"
                    + " tracking tokens, sagas, deadlines and read models in the database, but the only data source"
                    + " is the in-memory database " + url.split(";", 2)[0] + " (no spring.datasource.url is set):"
                    + " monitoring would be lost on every restart. Set spring.datasource.url, -username and -password"
                    + " to a persistent database (e.g. jdbc:postgresql://db:5432/cmlfleet), or, for tests only,"
                    + " cmlfleet.storage.allow-in-memory-database=true");
        }
    }

    /** H2's and HSQLDB's {@code :mem:} URLs and Derby's {@code memory:} ones. */
    static boolean isInMemory(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:hsqldb:mem:")
                || lower.startsWith("jdbc:derby:memory:");
    }

    private static String urlOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            // Not reachable: DatabaseFailureAnalyzer reports that when the schema is migrated, right after this.
            return "";
        }
    }
}
