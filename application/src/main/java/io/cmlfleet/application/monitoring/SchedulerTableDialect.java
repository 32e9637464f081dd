package io.cmlfleet.application.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The databases whose db-scheduler DDL ships with the application, under {@code db/scheduler/}. */
public enum SchedulerTableDialect {
    H2("db/scheduler/h2.sql"),
    POSTGRESQL("db/scheduler/postgresql.sql");

    private final String resource;

    SchedulerTableDialect(String resource) {
        this.resource = resource;
    }

    /**
     * The dialect for a JDBC product name ({@code DatabaseMetaData.getDatabaseProductName()}). H2 is the default:
     * it is the application's default database, and its DDL is the most conservative.
     */
    public static SchedulerTableDialect forProductName(String productName) {
        if (productName != null && productName.toLowerCase(Locale.ROOT).contains("postgres")) {
            return POSTGRESQL;
        }
        return H2;
    }

    /** The script's statements, without comments, in order. */
    public List<String> statements() {
        String script = readScript();
        String withoutComments = script.lines()
                .filter(line -> !line.strip().startsWith("--"))
                .reduce("", (all, line) -> all + line + "\n");
        return Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(statement -> !statement.isEmpty())
                .toList();
    }

    private String readScript() {
        try (InputStream in = SchedulerTableDialect.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
