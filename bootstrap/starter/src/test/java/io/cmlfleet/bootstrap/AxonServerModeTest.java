package io.cmlfleet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.actuator.axonserver.AxonServerHealthIndicator;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import io.cmlfleet.bootstrap.host.HostApplication;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code cmlfleet.storage.mode=axon-server} switches Axon Server on (events and commands go through it, so they show
 * in its dashboard); every other mode leaves it off. Axon Server itself is not started: the beans are inspected.
 */
class AxonServerModeTest {

    @Test
    void axonServerModeSwitchesTheConnectorOnAndEmbeddedModeOff() {
        assertThat(modeSetting("axon-server")).isEqualTo("true");
        assertThat(modeSetting("embedded")).isEqualTo("false");
        assertThat(modeSetting("postgresql")).isEqualTo("false");
    }

    @Test
    void withAxonServerModeTheEventStoreAndCommandBusAreAxonServers(@TempDir Path dataDir) {
        // The whole host application in axon-server mode; no server listens on the address, which only delays
        // connecting: the configuration is what is checked.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HostApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        "cmlfleet.storage.mode", "axon-server",
                        "cmlfleet.storage.data-dir", dataDir.toString(),
                        "axon.axonserver.servers", "127.0.0.1:1",
                        "axon.axonserver.context", "cmlfleet",
                        "axon.axonserver.token", "a-secret-token",
                        // No database configured: the in-memory one is only accepted when asked for.
                        "cmlfleet.storage.allow-in-memory-database", "true",
                        "spring.main.lazy-initialization", "true"))
                .run()) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBean("axonServerCommandBus")).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            // The dashboard names the node cmlfleet; the startup line says where it connects, never the token.
            assertThat(context.getBean(AxonServerConfiguration.class).getComponentName()).isEqualTo("cmlfleet");
            assertThat(context.getBean(AxonServerConnectionReport.class).settingsLine()).isEqualTo(
                    "cmlfleet uses Axon Server at 127.0.0.1:1, context cmlfleet, as component cmlfleet, TLS off,"
                            + " access token set");
            // Axon's own health indicator of the connection is there for the host's Actuator.
            assertThat(context.getBeansOfType(AxonServerHealthIndicator.class)).hasSize(1);
        }
    }

    @Test
    void aHostThatNamesItsApplicationShowsUnderItsOwnNameAndEmbeddedModeHasNoAxonServerReport(@TempDir Path dataDir) {
        try (ConfigurableApplicationContext context = axonServerHost(dataDir, "spring.application.name",
                "lab-platform")) {
            assertThat(context.getBean(AxonServerConfiguration.class).getComponentName()).isEqualTo("lab-platform");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HostApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of("cmlfleet.storage.data-dir", dataDir.resolve("embedded").toString(),
                        "spring.main.lazy-initialization", "true"))
                .run()) {
            assertThat(context.getBeansOfType(AxonServerConnectionReport.class)).isEmpty();
        }
    }

    private static ConfigurableApplicationContext axonServerHost(Path dataDir, String key, String value) {
        return new SpringApplicationBuilder(HostApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        "cmlfleet.storage.mode", "axon-server",
                        "cmlfleet.storage.data-dir", dataDir.toString(),
                        "axon.axonserver.servers", "127.0.0.1:1",
                        "cmlfleet.storage.allow-in-memory-database", "true",
                        "spring.main.lazy-initialization", "true",
                        key, value))
                .run();
    }

    private static String modeSetting(String mode) {
        StandardEnvironment environment = new StandardEnvironment();
        // A property source of its own: getSystemProperties() is the JVM's, and the mode would leak into later tests.
        environment.getPropertySources().addFirst(
                new MapPropertySource("mode", Map.of("cmlfleet.storage.mode", (Object) mode)));
        new CmlfleetEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("axon.axonserver.enabled");
    }
}
