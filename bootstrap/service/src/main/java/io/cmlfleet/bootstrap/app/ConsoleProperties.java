package io.cmlfleet.bootstrap.app;

import io.cmlfleet.bootstrap.config.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cmlfleet.console.*}: what the service prints on its console.
 *
 * @param reportEvery how often the fleet summary line is printed; 0 switches it off
 */
@ConfigurationProperties(prefix = "cmlfleet.console")
public record ConsoleProperties(@DefaultValue("15s") Duration reportEvery) {

    public ConsoleProperties {
        SettingChecks.notNegative("cmlfleet.console.report-every", reportEvery);
    }
}
