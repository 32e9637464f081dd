package io.cmlfleet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Version 7 adds the findings columns to the forensic checkpoints of a store that version 6 created without them;
 * the checkpoints already there keep their state and have no findings (findings fold from the first event until
 * the processor writes new ones).
 */
class FindingsCheckpointsMigrationTest {

    @Test
    void versionSevenAddsTheFindingsColumnsToTheCheckpointsOfAnExistingStore() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new CmlfleetSchema(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // As a store of version 6 looked: the checkpoint table without the findings columns, no version 7.
        jdbc.execute("ALTER TABLE " + ProjectionTables.FORENSIC_CHECKPOINT + " DROP COLUMN findings_json");
        jdbc.execute("ALTER TABLE " + ProjectionTables.FORENSIC_CHECKPOINT + " DROP COLUMN findings_revision");
        // Flyway quotes its lower-case names on H2.
        jdbc.update("DELETE FROM \"" + CmlfleetSchema.HISTORY_TABLE + "\" WHERE \"version\" = '7'");
        jdbc.update("INSERT INTO " + ProjectionTables.FORENSIC_CHECKPOINT + " (worker_id, sequence_number,"
                + " events_applied, max_event_at, last_event_at, snapshot_revision, state_json) VALUES"
                + " ('w-1', 499, 500, TIMESTAMP WITH TIME ZONE '2026-11-24 08:00:00+00', '2026-11-24T08:00:00Z',"
                + " '1', '{}')");

        assertThat(new CmlfleetSchema(dataSource).appliedNow()).as("version 7").isEqualTo(1);

        assertThat(jdbc.queryForMap("SELECT state_json, findings_revision, findings_json FROM "
                + ProjectionTables.FORENSIC_CHECKPOINT + " WHERE worker_id = 'w-1'"))
                .containsEntry("STATE_JSON", "{}").containsEntry("FINDINGS_REVISION", null)
                .containsEntry("FINDINGS_JSON", null);
        assertThat(new CmlfleetSchema(dataSource).appliedNow()).as("a current store").isZero();
    }
}
