package io.cmlfleet.application.readmodel.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates the projection tables, the dead-letter table, the token table and the instance claims table if they are
 * missing, by running the plain DDL scripts under {@code db/projections/<dialect>/}. Every statement is {@code IF NOT EXISTS}, so running it
 * on every start is harmless. Meant for tests and for hosts without Flyway; the bootstrap module will run the same
 * scripts as migrations instead.
 */
public final class ProjectionSchema {

    /** The scripts, in the order they must run. */
    public static final List<String> SCRIPTS = List.of("token-entries.sql", "dead-letters.sql", "projections.sql",
            "instance-claims.sql", ProjectionSchema.LABS_SCRIPT, ProjectionSchema.SERVICE_REASON_SCRIPT,
            ProjectionSchema.CHECKPOINTS_SCRIPT, ProjectionSchema.FINDINGS_CHECKPOINTS_SCRIPT);
    /** The worker-labs table, which migration version 3 adds to stores created before it. */
    public static final String LABS_SCRIPT = "labs.sql";
    /** The worker summary's {@code service_reason} column, which migration version 5 adds to older stores. */
    public static final String SERVICE_REASON_SCRIPT = "service-reason.sql";
    /** The forensic checkpoints table, which migration version 6 adds to stores created before it. */
    public static final String CHECKPOINTS_SCRIPT = "forensic-checkpoints.sql";
    /** The findings columns of the forensic checkpoints, which migration version 7 adds to older stores. */
    public static final String FINDINGS_CHECKPOINTS_SCRIPT = "forensic-findings.sql";

    private final DataSource dataSource;
    private final SqlDialect dialect;

    public ProjectionSchema(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** The schema for the database behind the data source (H2 or PostgreSQL). */
    public static ProjectionSchema forDataSource(DataSource dataSource) {
        return new ProjectionSchema(dataSource, SqlDialect.of(dataSource));
    }

    /** Creates whatever is missing. */
    public void createIfMissing() {
        for (String script : SCRIPTS) {
            run(script);
        }
    }

    /** Runs one of the {@link #SCRIPTS}; each statement is re-runnable. */
    public void run(String script) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        statementsOf(dialect.resourceFolder() + "/" + script).forEach(jdbc::execute);
    }

    /** The statements of one script: comments dropped, split at semicolons that end a line. */
    static List<String> statementsOf(String resource) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : read(resource).split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.substring(0, current.lastIndexOf(";")).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String read(String resource) {
        try (InputStream in = ProjectionSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing DDL resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read DDL resource " + resource, e);
        }
    }
}
