package io.cmlfleet.application.readmodel.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ProjectionSchemaTest {

    @Test
    void createsEveryTableAndCanRunAgain() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        ProjectionSchema schema = ProjectionSchema.forDataSource(h2);

        schema.createIfMissing();
        schema.createIfMissing();

        List<String> tables = jdbc.queryForList(
                "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = 'PUBLIC'",
                String.class);
        assertThat(tables).contains("worker_summary", "worker_telemetry_sample", "fleet_worker_status",
                "deadletterentry", "tokenentry");
        jdbc.execute("SHUTDOWN");
    }

    @Test
    void postgresqlScriptsHaveTheSameStatementsWithPostgresqlTypes() {
        for (String script : ProjectionSchema.SCRIPTS) {
            List<String> h2 = ProjectionSchema.statementsOf(SqlDialect.H2.resourceFolder() + "/" + script);
            List<String> postgres = ProjectionSchema.statementsOf(
                    SqlDialect.POSTGRESQL.resourceFolder() + "/" + script);

            assertThat(postgres).hasSameSizeAs(h2).isNotEmpty();
            assertThat(String.join("\n", postgres)).doesNotContain("BLOB");
        }
        assertThat(String.join("\n", ProjectionSchema.statementsOf(
                SqlDialect.POSTGRESQL.resourceFolder() + "/dead-letters.sql"))).contains("BYTEA");
    }
}
