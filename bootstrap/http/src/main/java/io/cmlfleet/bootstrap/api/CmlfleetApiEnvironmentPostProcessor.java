package io.cmlfleet.bootstrap.api;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The HTTP side's operational endpoints, as defaults a host can still override: health for probes (details only to
 * authenticated callers, see {@link CmlfleetApiSecurityAutoConfiguration}) and the Prometheus scrape; liveness and
 * readiness probes that do not turn DOWN when AWS or CML is unreachable.
 */
public class CmlfleetApiEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "cmlfleetApiDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, Map.of(
                "management.endpoints.web.exposure.include", "health,info,prometheus",
                "management.endpoint.health.show-details", "when-authorized",
                "management.endpoint.health.show-components", "when-authorized",
                "management.endpoint.health.probes.enabled", "true")));
    }
}
