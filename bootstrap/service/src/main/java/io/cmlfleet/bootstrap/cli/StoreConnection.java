package io.cmlfleet.bootstrap.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntSupplier;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The store the service uses, for the commands that read it: the embedded H2 file in the data directory, or a JDBC
 * URL (password from {@code $CMLFLEET_DB_PASSWORD}, never from the command line).
 */
final class StoreConnection {

    private StoreConnection() {
    }

    /** The database as messages name it: the URL without its parameters, where credentials may be. */
    static String describe(Options options) {
        return "the database " + url(options).split("[;?]", 2)[0];
    }

    private static String url(Options options) {
        String url = options.value("jdbc-url", null);
        return url != null ? url : "jdbc:h2:file:" + PathArgument.of("--data-dir", options.value("data-dir", "./cmlfleet-data"))
                .toAbsolutePath().normalize().resolve("cmlfleet") + ";IFEXISTS=TRUE";
    }

    /** Runs a command's database read; a store that is missing or refuses the login becomes one line (exit 3). */
    static int reading(Options options, IntSupplier read) {
        try {
            return read.getAsInt();
        } catch (RuntimeException e) {
            StoreUnavailableException explained = StoreFailures.database(e, describe(options));
            throw explained != null ? explained : e;
        }
    }

    static DriverManagerDataSource dataSource(Options options, Map<String, String> environment) {
        if (options.value("jdbc-url", null) == null) {
            return new DriverManagerDataSource(url(options), "sa", "");
        }
        return new DriverManagerDataSource(url(options), options.value("jdbc-user", "cmlfleet"),
                environment.getOrDefault("CMLFLEET_DB_PASSWORD", ""));
    }
}
