package io.cmlfleet.bootstrap.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything a host configures under {@code cmlfleet.*} for the library; the HTTP starter and the service add their
 * own groups. Immutable and bound through the constructor. A setting left out takes the default of the settings
 * record it configures (declared there and nowhere else); the defaults are the ones {@code docs/operations.md}
 * documents, which a test checks. IDE completion comes from the generated configuration metadata.
 *
 * @param storage    where events, tokens, sagas, deadlines and read models are kept
 * @param aws        how the AWS adapters reach EC2 and CloudWatch
 * @param cml        how the CML adapter reaches each worker's controller
 * @param monitoring cadence of the per-worker monitoring saga and its durable deadlines
 * @param refresh    the refresh pipeline
 * @param idleStop   stopping workers without lab activity
 * @param aggregate  how workers are loaded for a command: snapshots and cache
 */
@ConfigurationProperties(prefix = "cmlfleet")
public record CmlfleetProperties(
        @DefaultValue @NestedConfigurationProperty StorageProperties storage,
        @DefaultValue @NestedConfigurationProperty AwsProperties aws,
        @DefaultValue @NestedConfigurationProperty CmlProperties cml,
        @DefaultValue @NestedConfigurationProperty MonitoringProperties monitoring,
        @DefaultValue @NestedConfigurationProperty RefreshProperties refresh,
        @DefaultValue @NestedConfigurationProperty IdleStopProperties idleStop,
        @DefaultValue @NestedConfigurationProperty AggregateProperties aggregate) {
}
