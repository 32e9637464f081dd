package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** The end-to-end refresh on a real PostgreSQL server that the test starts itself (schema by migration). */
class PostgresEndToEndRefreshTest extends EndToEndRefreshContract {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Override
    Map<String, Object> storeProperties() {
        return POSTGRES.serviceProperties();
    }

    /** Every refresh deadline looks its saga up by these (migration 4): without them, a scan per worker. */
    @Override
    void checkStore(SimulatedFleetRun run) {
        assertThat(run.context.getBean(JdbcTemplate.class).queryForList(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'associationvalueentry'", String.class))
                .contains("association_value_entry_lookup_idx", "association_value_entry_saga_idx");
    }
}
