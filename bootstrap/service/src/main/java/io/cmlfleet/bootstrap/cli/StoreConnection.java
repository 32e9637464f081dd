package io.cmlfleet.bootstrap.cli;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The store the service uses, for the commands that read it: the embedded H2 file in the data directory, or a JDBC
 * URL (password from {@code $CMLFLEET_DB_PASSWORD}, never from the command line).
 */
final class StoreConnection {

    private StoreConnection() {
    }

    static DriverManagerDataSource dataSource(Options options, Map<String, String> environment) {
        String url = options.value("jdbc-url", null);
        if (url == null) {
            String dataDir = options.value("data-dir", "./cmlfleet-data");
            return new DriverManagerDataSource("jdbc:h2:file:" + Path.of(dataDir).toAbsolutePath().normalize()
                    .resolve("cmlfleet") + ";IFEXISTS=TRUE", "sa", "");
        }
        return new DriverManagerDataSource(url, options.value("jdbc-user", "cmlfleet"),
                environment.getOrDefault("CMLFLEET_DB_PASSWORD", ""));
    }
}
