package io.cmlfleet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Version 4 indexes the saga associations of a store that versions 1 to 3 left without, and H2 then answers Axon's
 * two saga lookups from those indexes instead of scanning a row per worker.
 */
class SagaIndexesMigrationTest {

    @Test
    void versionFourIndexesTheSagaAssociationsOfAnExistingStore() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).table(CmlfleetSchema.HISTORY_TABLE).locations(new String[0])
                .javaMigrations(new CmlfleetSchemaMigration(), new CmlfleetInstanceClaimsMigration(),
                        new CmlfleetLabsSchemaMigration())
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String byOwner = "SELECT associationKey, associationValue FROM AssociationValueEntry"
                + " WHERE sagaId = 'saga-1' AND sagaType = 'WorkerMonitoringSaga'";
        String byValue = "SELECT sagaId FROM AssociationValueEntry WHERE associationKey = 'workerId'"
                + " AND associationValue = 'worker-1' AND sagaType = 'WorkerMonitoringSaga'";
        assertThat(plan(jdbc, byOwner)).doesNotContainIgnoringCase(CmlfleetSagaIndexesMigration.BY_SAGA);

        assertThat(new CmlfleetSchema(dataSource).appliedNow()).as("versions 4 to 7").isEqualTo(4);

        assertThat(plan(jdbc, byOwner)).containsIgnoringCase(CmlfleetSagaIndexesMigration.BY_SAGA);
        assertThat(plan(jdbc, byValue)).containsIgnoringCase(CmlfleetSagaIndexesMigration.BY_ASSOCIATION);
        assertThat(new CmlfleetSchema(dataSource).appliedNow()).as("a current store").isZero();
    }

    private static String plan(JdbcTemplate jdbc, String query) {
        return jdbc.queryForObject("EXPLAIN " + query, String.class);
    }
}
