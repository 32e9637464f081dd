package io.cmlfleet.bootstrap.app;

import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The end-to-end refresh on a real PostgreSQL server that the test starts itself (schema by migration). */
class PostgresEndToEndRefreshTest extends EndToEndRefreshContract {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Override
    Map<String, Object> storeProperties() {
        return POSTGRES.serviceProperties();
    }
}
