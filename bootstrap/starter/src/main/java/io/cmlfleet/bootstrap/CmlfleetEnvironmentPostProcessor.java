package io.cmlfleet.bootstrap;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import io.cmlfleet.bootstrap.config.StorageMode;
import io.cmlfleet.bootstrap.config.StorageProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Turns {@code cmlfleet.storage.mode} into the Spring and Axon settings it implies, as defaults a host can still
 * override: the embedded mode gets an H2 file database in the data directory; only the Axon Server mode switches the
 * Axon Server connector on (it is on the classpath, and on by default in Axon, which would make every embedded start
 * try to reach a server). Axon's update checker is off: cmlfleet runs on machines that must not call home.
 */
public class CmlfleetEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "cmlfleetStorageDefaults";
    /** The component name in Axon Server's dashboard unless the host names its application. */
    public static final String DEFAULT_COMPONENT_NAME = "cmlfleet";

    private static boolean hostUsesFlyway(ConfigurableEnvironment environment) {
        if (environment.containsProperty("spring.flyway.enabled") || environment.containsProperty("spring.flyway.locations")) {
            return true;
        }
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**").length > 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        StorageMode mode = Binder.get(environment).bind("cmlfleet.storage.mode", StorageMode.class)
                .orElse(StorageProperties.DEFAULT_MODE);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("axon.update-check.disabled", "true");
        defaults.put("axon.axonserver.enabled", String.valueOf(mode == StorageMode.AXON_SERVER));
        if (!environment.containsProperty("spring.application.name")) {
            // How the Axon Server dashboard lists this node; a host's own application name wins.
            defaults.put("axon.axonserver.component-name", DEFAULT_COMPONENT_NAME);
        }
        if (mode == StorageMode.EMBEDDED && !environment.containsProperty("spring.datasource.url")) {
            // A placeholder, resolved when the data source is bound, so that every property source (test ones too)
            // can still set the data directory. DB_CLOSE_ON_EXIT=FALSE leaves closing the database to Spring, after
            // the processors and deadlines have stopped, instead of H2's own shutdown hook racing them.
            defaults.put("spring.datasource.url",
                    "jdbc:h2:file:${cmlfleet.storage.data-dir:" + StorageProperties.DEFAULT_DATA_DIR
                            + "}/cmlfleet;DB_CLOSE_ON_EXIT=FALSE");
            defaults.put("spring.datasource.username", "sa");
            defaults.put("spring.datasource.password", "");
        }
        if (!environment.containsProperty(ConnectionPoolBudget.POOL_SIZE)) {
            // Sized for what this node uses at once (Hikari's own default of 10 is less than the processors, the
            // deadline threads and the refresh threads' commands take together); ConnectionPoolCheck refuses a
            // size an operator set too small.
            defaults.put(ConnectionPoolBudget.POOL_SIZE,
                    String.valueOf(ConnectionPoolBudget.of(environment).connectionsNeeded()));
        }
        if (!hostUsesFlyway(environment)) {
            // cmlfleet migrates its own tables with its own history table; Spring Boot's Flyway, with nothing of the
            // host's to migrate, would only trip over cmlfleet's tables.
            defaults.put("spring.flyway.enabled", "false");
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
