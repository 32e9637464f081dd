package io.cmlfleet.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.cmlfleet.bootstrap.AxonServerConnectionReport;
import io.cmlfleet.bootstrap.CmlfleetSchema;
import io.cmlfleet.bootstrap.host.HostApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

/**
 * The Axon Server configuration of {@code docs/operations.md}, read from the document and loaded key for key into a
 * host application, with only the environment's secrets and, since {@code db.internal} does not resolve here, the
 * database URL pointed at a real PostgreSQL server: every bean it configures is what the document says. Axon Server
 * is not contacted (lazy beans; the connector connects on first use); its connection is covered by the CLI tests
 * against the stand-in.
 */
class AxonServerConfigurationDocTest {

    private static final String BLOCK = "# Axon Server: the tested configuration";
    private static final String AXON_TOKEN = "doc-test-axon-token";
    private static final String DB_PASSWORD = "doc-test-db-password";

    @Test
    void theDocumentedAxonServerConfigurationGivesAPersistentStoreForTokensSagasAndDeadlines(@TempDir Path dataDir)
            throws Exception {
        String yaml = OperationsDoc.read().fencedBlock(BLOCK);
        List<PropertySource<?>> documented = new YamlPropertySourceLoader().load("docs/operations.md",
                new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(documented).hasSize(1);
        assertThat(yaml).contains("cmlfleet.storage.mode: axon-server", "token: ${AXON_SERVER_TOKEN}");

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection admin = postgres.getPostgresDatabase().getConnection();
                 Statement sql = admin.createStatement()) {
                sql.execute("CREATE ROLE cmlfleet LOGIN PASSWORD '" + DB_PASSWORD + "'");
                sql.execute("CREATE DATABASE cmlfleet OWNER cmlfleet");
            }
            String documentedUrl = (String) documented.get(0).getProperty("spring.datasource.url");
            String url = documentedUrl.replace("db.internal:5432", "localhost:" + postgres.getPort());
            assertThat(url).isNotEqualTo(documentedUrl);

            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("the environment", Map.of(
                    "AXON_SERVER_TOKEN", AXON_TOKEN, "DB_PASSWORD", DB_PASSWORD)));
            environment.getPropertySources().addFirst(documented.get(0));
            environment.getPropertySources().addFirst(new MapPropertySource("this machine", Map.of(
                    "spring.datasource.url", url,
                    "cmlfleet.storage.data-dir", dataDir.toString(),
                    "spring.main.lazy-initialization", "true")));

            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HostApplication.class)
                    .web(WebApplicationType.NONE).environment(environment).run()) {
                assertAxonServer(context);
                assertPersistentStores(context);
                CmlfleetProperties properties = context.getBean(CmlfleetProperties.class);
                assertThat(properties.refresh().parallelism()).isEqualTo(8);
                assertThat(properties.monitoring().deadlineThreads()).isEqualTo(4);
                assertThat(context.getBean(EventProcessingConfiguration.class).eventProcessors().keySet())
                        .containsExactlyInAnyOrder("worker-summary", "telemetry-history", "fleet-overview",
                                "threshold-metrics", "WorkerMonitoringSagaProcessor", "instance-claims", "worker-labs",
                                "forensic-checkpoints");
            }
        }
    }

    private static void assertAxonServer(ConfigurableApplicationContext context) {
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        AxonServerConfiguration axon = context.getBean(AxonServerConfiguration.class);
        assertThat(axon.getServers()).isEqualTo("axonserver-1.internal:8124,axonserver-2.internal:8124");
        assertThat(axon.getContext()).isEqualTo("cmlfleet");
        assertThat(axon.getToken()).isEqualTo(AXON_TOKEN);
        assertThat(axon.isSslEnabled()).isTrue();
        assertThat(axon.getCommandThreads()).isEqualTo(12);
        assertThat(axon.getQueryThreads()).isEqualTo(10);
        assertThat(axon.getComponentName()).isEqualTo("cmlfleet");
        assertThat(context.getBean(AxonServerConnectionReport.class).settingsLine()).isEqualTo(
                "cmlfleet uses Axon Server at axonserver-1.internal:8124,axonserver-2.internal:8124, context cmlfleet,"
                        + " as component cmlfleet, TLS on, access token set");
    }

    /** Tokens, sagas and deadlines in the configured PostgreSQL database, whose tables cmlfleet created. */
    private static void assertPersistentStores(ConfigurableApplicationContext context) throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(((HikariDataSource) dataSource).getMaximumPoolSize()).isEqualTo(40);
        assertThat(((HikariDataSource) dataSource).getUsername()).isEqualTo("cmlfleet");
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(context.getBean(SagaStore.class)).isInstanceOf(JdbcSagaStore.class);
        assertThat(context.getBean(DeadlineManager.class).getClass().getSimpleName()).contains("DbScheduler");
        context.getBean(CmlfleetSchema.class); // migrates cmlfleet's tables, as at a real start
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase());
            }
            assertThat(names).contains("tokenentry", "sagaentry", "scheduled_tasks", "worker_summary");
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:postgresql://localhost:");
        }
    }
}
