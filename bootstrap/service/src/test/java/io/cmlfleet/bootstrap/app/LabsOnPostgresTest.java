package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.readmodel.projection.ProjectionJdbc;
import io.cmlfleet.application.readmodel.projection.WorkerLabsProjection;
import io.cmlfleet.application.readmodel.query.LabView;
import io.cmlfleet.application.readmodel.query.ListWorkerLabs;
import io.cmlfleet.application.readmodel.query.WorkerLabsQueryHandler;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.bootstrap.CmlfleetSchema;
import io.cmlfleet.domain.worker.LabAction;
import io.cmlfleet.domain.worker.LabFacts;
import io.cmlfleet.domain.worker.LabOutcome;
import io.cmlfleet.domain.worker.event.LabActionRecorded;
import io.cmlfleet.domain.worker.event.LabInventoryChanged;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The worker-labs table on a real PostgreSQL server: migration version 3 adds it to a store created before it
 * existed, and the projection's writes and the query run there.
 */
class LabsOnPostgresTest {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
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
    void migrationThreeAddsTheLabsTableToAStoreOfVersionOne() {
        DataSource dataSource = postgres.getPostgresDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        new CmlfleetSchema(dataSource);
        // As a store of version 1 looked: no worker_lab, no version 3 (nor the later ones) in the history.
        jdbc.execute("DROP TABLE " + ProjectionTables.WORKER_LAB);
        jdbc.update("DELETE FROM " + CmlfleetSchema.HISTORY_TABLE + " WHERE version IN ('3', '4', '5', '6', '7')");

        int applied = new CmlfleetSchema(dataSource).appliedNow();

        assertThat(applied).as("versions 3 to 7").isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + ProjectionTables.WORKER_LAB, Long.class)).isZero();
        assertThat(jdbc.queryForList("SELECT version FROM " + CmlfleetSchema.HISTORY_TABLE + " ORDER BY installed_rank",
                String.class)).contains("1", "3");

        WorkerLabsProjection projection = new WorkerLabsProjection(
                new ProjectionJdbc(dataSource, new DataSourceTransactionManager(dataSource)));
        LabFacts lab = new LabFacts("lab-a", "Alpha", "admin", "STARTED", 4, 3, T0);
        projection.on(new LabInventoryChanged("worker-1", List.of(lab), T0.plusSeconds(60)));
        projection.on(new LabInventoryChanged("worker-1", List.of(lab), T0.plusSeconds(60)));
        projection.on(new LabActionRecorded("worker-1", LabAction.STOP, "lab-a", "Alpha", "alice", null,
                LabOutcome.SUCCEEDED, new LabFacts("lab-a", "Alpha", "admin", "STOPPED", 4, 3, T0), null, null,
                T0.plusSeconds(120)));

        List<LabView> labs = new WorkerLabsQueryHandler(jdbc).handle(new ListWorkerLabs("worker-1")).labs();
        assertThat(labs).hasSize(1);
        assertThat(labs.get(0).state()).isEqualTo("STOPPED");
        assertThat(labs.get(0).lastActionBy()).isEqualTo("alice");
        assertThat(labs.get(0).createdAt()).isEqualTo(T0);
    }
}
