package io.cmlfleet.bootstrap.app;

import io.cmlfleet.bootstrap.simulator.SimulatedFleetImporter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same service on a real PostgreSQL server that the test starts itself: schema by migration, full cycle. */
class PostgresStoreServiceTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void monitorsTheFleetOnPostgresql() {
        Map<String, Object> store = Map.of(
                "cmlfleet.storage.mode", "postgresql",
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres");
        try (SimulatedFleetRun run = SimulatedFleetRun.start(store)) {
            run.fleet().workers().stream().map(SimulatedFleetImporter::workerIdFor).forEach(run::awaitFullCycle);
        }
    }
}
