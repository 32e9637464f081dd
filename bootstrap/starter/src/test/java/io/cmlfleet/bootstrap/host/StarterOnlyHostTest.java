package io.cmlfleet.bootstrap.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.readmodel.query.ListWorkers;
import io.cmlfleet.application.readmodel.query.WorkerPage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * A host with only {@code cmlfleet-spring-boot-starter} (this module's test classpath is exactly that plus test
 * libraries): the web application type is deduced from the classpath as Spring Boot does for any host, and no web
 * server, no servlet API, no security chain, no HTTP API and no simulator come with the library.
 */
class StarterOnlyHostTest {

    private static final String[] NOT_BROUGHT_BY_THE_STARTER = {
            "jakarta.servlet.Servlet",
            "org.apache.catalina.startup.Tomcat",
            "org.springframework.web.servlet.DispatcherServlet",
            "org.springframework.security.web.SecurityFilterChain",
            "org.springdoc.core.configuration.SpringDocConfiguration",
            "io.cmlfleet.bootstrap.api.CmlfleetApiAutoConfiguration",
            "io.cmlfleet.bootstrap.app.CmlfleetApplication",
            "io.cmlfleet.simulator.SimulatedFleet"};

    @Test
    void theStarterBringsNoWebServerNoSecurityChainNoApiAndNoSimulator() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(Arrays.stream(NOT_BROUGHT_BY_THE_STARTER).filter(name -> ClassUtils.isPresent(name, loader)))
                .as("classes a host would inherit from the starter")
                .isEmpty();
    }

    @Test
    void aHostApplicationStartsWithoutAWebServerAndTheLibraryAnswers(@TempDir Path dataDir) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HostApplication.class, FakeCloud.class)
                .properties(Map.of("cmlfleet.storage.data-dir", dataDir.toString()))
                .run()) {
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(Arrays.stream(context.getBeanDefinitionNames())
                    .map(name -> context.getBeanFactory().getType(name))
                    .filter(type -> type != null && type.getName().contains("SecurityFilterChain")))
                    .isEmpty();
            assertThat(context.getBean(CommandGateway.class)).isNotNull();
            WorkerPage page = context.getBean(QueryGateway.class)
                    .query(ListWorkers.all(0, 10), WorkerPage.class).join();
            assertThat(page.workers()).isEmpty();
        }
    }
}
