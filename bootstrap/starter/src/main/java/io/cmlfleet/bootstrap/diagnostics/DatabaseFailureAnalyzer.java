package io.cmlfleet.bootstrap.diagnostics;

import java.sql.SQLException;
import java.util.Objects;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Reports that the database cmlfleet's storage settings point at cannot be reached or refuses the login: one
 * sentence naming the URL (its password masked) and the driver's reason, instead of the pool's and Spring's stack
 * traces. SQL errors of other kinds (a query, a migration) are left to the default report, which keeps their trace.
 */
public class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** SQLSTATE classes: 08 connection exception, 28 invalid authorization, 3D invalid catalog (no such database). */
    private static final String CONNECTION = "08";
    private static final String LOGIN = "28";
    private static final String NO_SUCH_DATABASE = "3D";
    /** H2's "database may be already in use": another process holds the embedded store's file. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final Environment environment;

    public DatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (environment == null) {
            return null;
        }
        String url = MaskedUrl.of(environment.getProperty("spring.datasource.url", "(spring.datasource.url unset)"));
        String state = Objects.requireNonNullElse(cause.getSQLState(), "");
        String reason = masked(cause.getMessage());
        if (cause.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
            return new FailureAnalysis("The embedded store " + url + " is in use by another process (H2 admits one "
                    + "process per file): " + reason,
                    "Stop the other cmlfleet process using cmlfleet.storage.data-dir, or set cmlfleet.storage.data-dir "
                            + "to another directory.", cause);
        }
        if (state.startsWith(LOGIN)) {
            return new FailureAnalysis("Login failed for user " + environment.getProperty("spring.datasource.username")
                    + " at the database " + url + ": " + reason,
                    "Check spring.datasource.username and spring.datasource.password (the password is not shown).",
                    cause);
        }
        if (state.startsWith(CONNECTION) || state.startsWith(NO_SUCH_DATABASE)) {
            return new FailureAnalysis("Cannot connect to the database at " + url + " (cmlfleet.storage.mode="
                    + environment.getProperty("cmlfleet.storage.mode", "embedded") + "): " + reason,
                    "Check that the database server is running and reachable from here, and that "
                            + "spring.datasource.url names it and an existing database.", cause);
        }
        return null;
    }

    /** A driver may echo the URL it was given, password included. */
    private String masked(String message) {
        String password = environment.getProperty("spring.datasource.password");
        String text = MaskedUrl.of(Objects.requireNonNullElse(message, "(no reason given)"));
        return password == null || password.isEmpty() ? text : text.replace(password, "***");
    }
}
