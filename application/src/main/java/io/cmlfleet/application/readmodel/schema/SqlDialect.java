package io.cmlfleet.application.readmodel.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The databases the projection DDL is written for; the name is the folder under {@code db/projections/}. */
public enum SqlDialect {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String folder;

    SqlDialect(String folder) {
        this.folder = folder;
    }

    /** The classpath folder holding this dialect's DDL scripts. */
    public String resourceFolder() {
        return "db/projections/" + folder;
    }

    /** Reads the dialect from the database product name of the data source. */
    public static SqlDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return H2;
            }
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            throw new IllegalArgumentException("No projection DDL for database '" + product + "' (H2 or PostgreSQL)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database product name", e);
        }
    }
}
