package io.cmlfleet.bootstrap.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmlfleet.application.port.cml.CmlControllerClient;
import io.cmlfleet.application.readmodel.query.FindWorkerById;
import io.cmlfleet.application.readmodel.query.WorkerSummary;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.command.RegisterWorker;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A host service with cmlfleet as its only extra dependency and its own port implementations: registering a worker
 * starts monitoring on durable deadlines, the refresh runs, and the read model answers through the query gateway.
 */
@SpringBootTest(classes = {HostApplication.class, HostEmbeddingTest.HostPorts.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
class HostEmbeddingTest {

    private static final String INSTANCE = "i-0123456789abcdef0";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cmlfleet.storage.data-dir", () -> dataDir.toString());
        registry.add("cmlfleet.monitoring.fast-interval", () -> "2s");
        registry.add("cmlfleet.monitoring.normal-interval", () -> "4s");
        registry.add("cmlfleet.monitoring.jitter-slots", () -> "1");
        registry.add("cmlfleet.monitoring.deadline-polling-interval", () -> "200ms");
    }

    @TestConfiguration
    static class HostPorts {
        @Bean
        @Primary
        FakeCloud hostCloud() {
            FakeCloud cloud = new FakeCloud();
            cloud.addRunningInstance(INSTANCE);
            return cloud;
        }
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    EventStore eventStore;
    @Autowired
    CmlControllerClient cml;

    @Test
    void aRegisteredWorkerIsMonitoredAndShowsInTheReadModel() {
        assertThat(cml).isInstanceOf(FakeCloud.class);

        commands.sendAndWait(new RegisterWorker("host-w1", "host worker", "eu-west-1", INSTANCE,
                "c5.2xlarge", "ami-12345678", null, Map.of(), "host-test"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            long refreshes = eventStore.readEvents("host-w1").asStream()
                    .filter(e -> e.getPayload() instanceof RefreshCompleted).count();
            assertThat(refreshes).isGreaterThanOrEqualTo(2);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Optional<WorkerSummary> summary = queries.query(new FindWorkerById("host-w1"),
                    ResponseTypes.optionalInstanceOf(WorkerSummary.class)).join();
            assertThat(summary).hasValueSatisfying(worker -> {
                assertThat(worker.status()).isEqualTo(WorkerStatus.RUNNING);
                assertThat(worker.serviceStatus()).isEqualTo(CmlServiceStatus.AVAILABLE);
                assertThat(worker.endpoint()).isEqualTo("https://" + worker.publicIp()).startsWith("https://54.1.2.");
            });
        });
    }
}
