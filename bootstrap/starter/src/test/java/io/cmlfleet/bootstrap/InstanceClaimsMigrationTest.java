package io.cmlfleet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.claim.InstanceClaims;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.application.readmodel.schema.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A store migrated before instance claims existed gets the table with version 2, filled with its live workers from
 * the worker-summary read model; where two live workers already share an instance, the earlier one keeps it.
 */
class InstanceClaimsMigrationTest {

    @Test
    void versionTwoClaimsTheInstancesOfTheLiveWorkersOfAnExistingStore() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        // The store as version 1 left it before the claims table was added to it.
        Flyway.configure().dataSource(dataSource).table(CmlfleetSchema.HISTORY_TABLE).locations(new String[0])
                .javaMigrations(new CmlfleetSchemaMigration()).baselineOnMigrate(true).baselineVersion("0").load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("DROP TABLE " + InstanceClaims.TABLE);
        summary(jdbc, "early", "i-0aaaaaaaaaaaaaaa1", "RUNNING", "2026-11-01T10:00:00Z", null);
        summary(jdbc, "late-twin", "i-0aaaaaaaaaaaaaaa1", "RUNNING", "2026-11-02T10:00:00Z", null);
        summary(jdbc, "stopped", "i-0bbbbbbbbbbbbbbb1", "STOPPED", "2026-11-03T10:00:00Z", null);
        summary(jdbc, "gone", "i-0ccccccccccccccc1", "TERMINATED", "2026-11-04T10:00:00Z", "2026-11-05T10:00:00Z");

        assertThat(new CmlfleetSchema(dataSource).appliedNow()).as("versions 2 to 7").isEqualTo(6);

        List<Map<String, Object>> claims = jdbc.queryForList("SELECT worker_id, instance_id FROM "
                + InstanceClaims.TABLE + " ORDER BY worker_id");
        assertThat(claims).containsExactly(
                Map.of("WORKER_ID", "early", "INSTANCE_ID", "i-0aaaaaaaaaaaaaaa1"),
                Map.of("WORKER_ID", "stopped", "INSTANCE_ID", "i-0bbbbbbbbbbbbbbb1"));
        assertThat(new CmlfleetSchema(dataSource).appliedNow()).as("a current store").isZero();
    }

    private static void summary(JdbcTemplate jdbc, String workerId, String instanceId, String status,
                                String createdAt, String terminatedAt) {
        jdbc.update("INSERT INTO " + ProjectionTables.WORKER_SUMMARY + " (worker_id, region, instance_id, status,"
                        + " service_status, created_at, terminated_at, updated_at) VALUES (?, 'eu-west-1', ?, ?,"
                        + " 'UNAVAILABLE', ?, ?, CURRENT_TIMESTAMP)", workerId, instanceId, status,
                SqlTime.toSql(Instant.parse(createdAt)),
                terminatedAt == null ? null : SqlTime.toSql(Instant.parse(terminatedAt)));
    }
}
