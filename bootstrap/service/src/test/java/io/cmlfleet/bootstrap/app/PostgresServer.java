package io.cmlfleet.bootstrap.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for the test class ({@code @RegisterExtension static PostgresServer postgres}), started
 * before its first test and stopped after its last, and the service settings that put a node on it.
 */
final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        postgres.close();
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** The postgresql storage mode on this server. */
    Map<String, Object> serviceProperties() {
        return Map.of(
                "cmlfleet.storage.mode", "postgresql",
                "spring.datasource.url", jdbcUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres");
    }
}
