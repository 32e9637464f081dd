package io.cmlfleet.bootstrap.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.readmodel.deadletter.FullSequenceTolerantQueue;
import io.cmlfleet.application.readmodel.projection.ProjectionJdbc;
import io.cmlfleet.application.readmodel.projection.TelemetryHistoryProjection;
import io.cmlfleet.application.readmodel.schema.ProjectionSchema;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.bootstrap.cli.CommandLineToolsTest;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * On a real PostgreSQL server that the test starts itself: the telemetry projection's write and the dead-letter reads
 * and retry (the application's projection tests run on H2). The service's full cycle on PostgreSQL is
 * {@link PostgresEndToEndRefreshTest}.
 */
class PostgresStoreServiceTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    /**
     * The insert-where-not-exists with its casts is valid PostgreSQL, and a sample less than a microsecond after a
     * stored one, or the same sample again, updates the one row instead of failing on the primary key. (PostgreSQL
     * rounds nanoseconds where H2 truncates: without the truncation in {@code SqlTime} these are two rows here.)
     */
    @Test
    void subMicrosecondAndRepeatedTelemetrySamplesLeaveOneRow() {
        DataSource dataSource = POSTGRES.dataSource();
        ProjectionSchema.forDataSource(dataSource).createIfMissing();
        TelemetryHistoryProjection projection = new TelemetryHistoryProjection(
                new ProjectionJdbc(dataSource, new DataSourceTransactionManager(dataSource)));
        Instant sampledAt = Instant.parse("2026-11-24T08:00:00.000001Z");

        projection.on(new TelemetryUpdated("worker-1", 50.0, 60.0, sampledAt, 300));
        TelemetryUpdated later = new TelemetryUpdated("worker-1", 55.0, null, sampledAt.plusNanos(999), 300);
        projection.on(later);
        projection.on(later);

        List<Map<String, Object>> rows = new JdbcTemplate(dataSource).queryForList("SELECT cpu_percent,"
                + " memory_percent FROM " + ProjectionTables.TELEMETRY_SAMPLE + " WHERE worker_id = 'worker-1'");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("cpu_percent", 55.0).containsEntry("memory_percent", null);
    }

    /**
     * The dead-letter reads, the overflow count in the diagnostics (BYTEA here) and the CLI's retry on PostgreSQL: a
     * sequence bounded at one letter skips the second event and counts it; the CLI lists both numbers and a retry
     * applies the parked sample.
     */
    @Test
    void deadLettersAreListedCountedAndRetriedOnPostgresql() {
        DataSource dataSource = POSTGRES.dataSource();
        ProjectionSchema.forDataSource(dataSource).createIfMissing();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        SequencedDeadLetterQueue<EventMessage<?>> queue = new FullSequenceTolerantQueue("telemetry-history",
                JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup("telemetry-history")
                        .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                        .transactionManager(new SpringTransactionManager(transactions))
                        .eventSerializer(CmlfleetSerializer.create())
                        .genericSerializer(CmlfleetSerializer.create())
                        .maxSequenceSize(1)
                        .build(), Clock.systemUTC());
        Instant sampledAt = Instant.parse("2026-11-24T09:00:00Z");
        for (int i = 0; i < 2; i++) {
            queue.enqueue("pg-worker", new GenericDeadLetter<>("pg-worker",
                    new GenericDomainEventMessage<>("CMLWorker", "pg-worker", i,
                            new TelemetryUpdated("pg-worker", 10.0 + i, 20.0, sampledAt.plusSeconds(60L * i), 300)),
                    new IllegalStateException("poisoned sample")));
        }

        String url = "--jdbc-url=" + POSTGRES.jdbcUrl();
        Map<String, String> password = Map.of("CMLFLEET_DB_PASSWORD", "postgres");
        CommandLineToolsTest.Result listed = CommandLineToolsTest.run(password, "dead-letters", url,
                "--jdbc-user=postgres");
        assertThat(listed.exitCode()).as(listed.err()).isEqualTo(1);
        assertThat(listed.out()).containsPattern("telemetry-history +pg-worker +1 +1 ").contains("poisoned sample");

        CommandLineToolsTest.Result retried = CommandLineToolsTest.run(password, "dead-letters", "retry",
                "telemetry-history", "pg-worker", url, "--jdbc-user=postgres");
        assertThat(retried.exitCode()).as(retried.out() + retried.err()).isEqualTo(0);
        assertThat(retried.out()).contains("sequence resolved", "1 event(s) were skipped", "rebuild");
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT cpu_percent FROM "
                + ProjectionTables.TELEMETRY_SAMPLE + " WHERE worker_id = 'pg-worker'", Double.class))
                .containsExactly(10.0);
    }
}
