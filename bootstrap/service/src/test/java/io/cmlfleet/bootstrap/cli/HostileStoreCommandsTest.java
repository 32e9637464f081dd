package io.cmlfleet.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.eventstore.CmlfleetSerializer;
import io.cmlfleet.application.eventstore.H2EventTableFactory;
import io.cmlfleet.application.readmodel.schema.ProjectionSchema;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import io.cmlfleet.application.readmodel.schema.SqlTime;
import io.cmlfleet.application.text.SafeText;
import io.cmlfleet.domain.worker.WorkerOrigin;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator commands on a store whose stored text is hostile, as events written before input validation was
 * tightened may be: every table and timeline row stays one line and no control or bidi character reaches the
 * terminal.
 */
class HostileStoreCommandsTest {

    private static final String HOSTILE = "evil\n2026-12-01T00:00:00Z  StatusChanged  forged\u001b[2J\u202e\u0000";
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    private String url;

    @BeforeEach
    void hostileStore() {
        url = "jdbc:h2:mem:hostile-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        ProjectionSchema.forDataSource(h2).createIfMissing();
        new JdbcTemplate(h2).update("INSERT INTO " + ProjectionTables.WORKER_SUMMARY + " (worker_id, name, region,"
                + " status, service_status, endpoint, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'RUNNING', 'AVAILABLE', ?, ?, ?)",
                HOSTILE, HOSTILE, HOSTILE, "https://" + HOSTILE, SqlTime.toSql(T0), SqlTime.toSql(T0));

        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(h2))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(CmlfleetSerializer.create())
                .snapshotSerializer(CmlfleetSerializer.create())
                .build();
        engine.createSchema(H2EventTableFactory.INSTANCE);
        WorkerCreated created = new WorkerCreated("w-1", HOSTILE, "eu-west-1", "i-0123456789abcdef0", "c5.2xlarge",
                "ami-12345678", "CML-2.9.1", Map.of(), HOSTILE, WorkerOrigin.REGISTERED, T0);
        engine.appendEvents(new GenericDomainEventMessage<>("CMLWorker", "w-1", 0, created));
    }

    @Test
    void workersTableHasOneLinePerWorker() {
        CommandLineToolsTest.Result result = CommandLineToolsTest.run(Map.of(), "workers", "--jdbc-url=" + url,
                "--jdbc-user=sa");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).hasSize(3); // header, the worker, the count
        assertThat(result.out()).contains("evil\\n2026-12-01T00:00:00Z  StatusChanged  forged\\u001b[2J\\u202e")
                .contains("1 worker(s)");
        assertNoRawControlCharacter(result.out());
    }

    @Test
    void timelineInEveryFormatHasOneLinePerEvent() {
        for (String format : new String[]{"text", "markdown", "csv", "json-lines"}) {
            CommandLineToolsTest.Result result = CommandLineToolsTest.run(Map.of(), "timeline", "w-1",
                    "--jdbc-url=" + url, "--jdbc-user=sa", "--format=" + format);

            assertThat(result.exitCode()).as(format + ": " + result.err()).isZero();
            assertThat(result.out().lines()).as(format)
                    .hasSize(switch (format) {
                        case "markdown" -> 3;
                        case "csv" -> 2;
                        default -> 1;
                    })
                    .noneMatch(line -> line.startsWith("2026-12-01T00:00:00Z"));
            assertNoRawControlCharacter(result.out().replace("\r\n", "\n"));
        }
    }

    private static void assertNoRawControlCharacter(String output) {
        assertThat(output.replace("\n", "").codePoints().filter(SafeText::isUnsafe).toArray()).isEmpty();
    }
}
