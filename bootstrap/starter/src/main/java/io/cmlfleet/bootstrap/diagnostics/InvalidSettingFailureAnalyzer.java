package io.cmlfleet.bootstrap.diagnostics;

import io.cmlfleet.bootstrap.config.InvalidSettingException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Reports a cmlfleet setting that cannot be used as the setting it is, with where it was set, instead of Spring Boot's
 * generic bind failure or a stack trace. Ordered first so that it wins over the generic analyzers that would also
 * match the bind exception around it.
 */
public class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException>
        implements Ordered {

    private final Environment environment;

    public InvalidSettingFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis("Invalid cmlfleet setting: " + cause.getMessage() + origin(cause.property()),
                "Correct " + cause.property() + " where it is set (application.yml, an environment variable or a "
                        + "--option) and start again. docs/operations.md lists every setting.",
                cause);
    }

    private String origin(String property) {
        if (!(environment instanceof org.springframework.core.env.ConfigurableEnvironment configurable)
                || !ConfigurationPropertyName.isValid(property)) {
            return "";
        }
        ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(configurable)) {
            ConfigurationProperty found = source.getConfigurationProperty(name);
            if (found != null && found.getOrigin() != null) {
                return "\n    (set in " + found.getOrigin() + ")";
            }
        }
        return "";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
