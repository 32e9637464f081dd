package io.cmlfleet.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each settings record refuses what it cannot work with, naming the property, the value and what is allowed. */
class SettingValidationTest {

    private static void refused(ThrowingCallable binding, String property, String message) {
        assertThatThrownBy(binding).isInstanceOfSatisfying(InvalidSettingException.class,
                e -> assertThat(e.property()).isEqualTo(property)).hasMessage(message);
    }

    @Test
    void monitoring() {
        refused(() -> new MonitoringProperties(Duration.ofMinutes(10), Duration.ofMinutes(5), null, null, null, null, null, null, null),
                "cmlfleet.monitoring.fast-interval", "cmlfleet.monitoring.fast-interval (10m) must not be longer "
                        + "than cmlfleet.monitoring.normal-interval (5m)");
        refused(() -> new MonitoringProperties(Duration.ZERO, null, null, null, null, null, null, null, null),
                "cmlfleet.monitoring.fast-interval",
                "cmlfleet.monitoring.fast-interval (0s) must be longer than 0, e.g. 30s or 5m");
        refused(() -> new MonitoringProperties(null, null, 0, null, null, null, null, null, null), "cmlfleet.monitoring.jitter-slots",
                "cmlfleet.monitoring.jitter-slots (0) must be at least 1");
        refused(() -> new MonitoringProperties(Duration.ofMillis(5), null, 6, null, null, null, null, null, null),
                "cmlfleet.monitoring.jitter-slots", "cmlfleet.monitoring.jitter-slots (6) must not exceed "
                        + "cmlfleet.monitoring.fast-interval in milliseconds (5)");
        refused(() -> new MonitoringProperties(null, null, null, Duration.ofMillis(-200), null, null, null, null, null),
                "cmlfleet.monitoring.deadline-polling-interval",
                "cmlfleet.monitoring.deadline-polling-interval (-200ms) must be longer than 0, e.g. 30s or 5m");
        refused(() -> new MonitoringProperties(null, null, null, null, 0, null, null, null, null), "cmlfleet.monitoring.deadline-threads",
                "cmlfleet.monitoring.deadline-threads (0) must be at least 1");
        refused(() -> new MonitoringProperties(null, null, null, null, null, null, null, 3, null),
                "cmlfleet.monitoring.deadline-missed-heartbeats",
                "cmlfleet.monitoring.deadline-missed-heartbeats (3) must be at least 4");
        refused(() -> new MonitoringProperties(null, null, null, null, null, null, null, null, 0),
                "cmlfleet.monitoring.lab-listing-parallelism",
                "cmlfleet.monitoring.lab-listing-parallelism (0) must be at least 1");
    }

    @Test
    void refresh() {
        refused(() -> new RefreshProperties(null, null, null, null, 120.0, null, null, null, null, null, null, null),
                "cmlfleet.refresh.cpu-threshold-percent",
                "cmlfleet.refresh.cpu-threshold-percent (120.0) must be a percentage between 0 and 100");
        refused(() -> new RefreshProperties(null, null, null, null, null, -1.0, null, null, null, null, null, null),
                "cmlfleet.refresh.memory-threshold-percent",
                "cmlfleet.refresh.memory-threshold-percent (-1.0) must be a percentage between 0 and 100");
        refused(() -> new RefreshProperties(null, null, Duration.ofSeconds(-1), null, null, null, null, null, null,
                        null, null, null),
                "cmlfleet.refresh.on-demand-min-interval",
                "cmlfleet.refresh.on-demand-min-interval (-1s) must not be negative (0 or more, e.g. 10s)");
        refused(() -> new RefreshProperties(Duration.ZERO, null, null, null, null, null, null, null, null, null, null,
                        null),
                "cmlfleet.refresh.telemetry-window",
                "cmlfleet.refresh.telemetry-window (0s) must be longer than 0, e.g. 30s or 5m");
        refused(() -> new RefreshProperties(null, null, null, null, null, null, 0, null, null, null, null, null),
                "cmlfleet.refresh.parallelism", "cmlfleet.refresh.parallelism (0) must be at least 1");
        refused(() -> new RefreshProperties(null, null, null, null, null, null, null, null, Duration.ofMillis(-1),
                        null, null, null),
                "cmlfleet.refresh.batch-window",
                "cmlfleet.refresh.batch-window (-1ms) must not be negative (0 or more, e.g. 10s)");
        refused(() -> new RefreshProperties(null, null, null, null, null, null, null, null, null, 101.0, null, null),
                "cmlfleet.refresh.telemetry-min-change-percent",
                "cmlfleet.refresh.telemetry-min-change-percent (101.0) must be a percentage between 0 and 100");
        refused(() -> new RefreshProperties(null, null, null, null, null, null, null, null, null, null, 0, null),
                "cmlfleet.refresh.controller-parallelism",
                "cmlfleet.refresh.controller-parallelism (0) must be at least 1");
        refused(() -> new RefreshProperties(null, null, null, null, null, null, null, null, null, null, null,
                        Duration.ZERO),
                "cmlfleet.refresh.slow-controller-after",
                "cmlfleet.refresh.slow-controller-after (0s) must be longer than 0, e.g. 30s or 5m");
    }

    @Test
    void aggregateIdleStopStorage() {
        refused(() -> new AggregateProperties(-1, null), "cmlfleet.aggregate.snapshot-threshold",
                "cmlfleet.aggregate.snapshot-threshold (-1) must be at least 0");
        refused(() -> new IdleStopProperties(null, Duration.ofHours(-1), null, null, null, null, null), "cmlfleet.idle-stop.idle-after",
                "cmlfleet.idle-stop.idle-after (-1h) must be longer than 0, e.g. 30s or 5m");
        refused(() -> new IdleStopProperties(null, null, null, Duration.ofMinutes(-1), null, null, null),
                "cmlfleet.idle-stop.grace-period",
                "cmlfleet.idle-stop.grace-period (-1m) must not be negative (0 or more, e.g. 10s)");
        refused(() -> new IdleStopProperties(null, null, null, null, null, null, java.util.List.of(" ")),
                "cmlfleet.idle-stop.activity-categories",
                "cmlfleet.idle-stop.activity-categories must name at least one CML telemetry category");
        refused(() -> new StorageProperties(null, " ", null), "cmlfleet.storage.data-dir",
                "cmlfleet.storage.data-dir must be set");
    }

    @Test
    void awsAndCmlWithoutPrintingSecrets() {
        refused(() -> new AwsProperties(null, null, null, null, null, Duration.ofSeconds(90), null),
                "cmlfleet.aws.metric-period", "cmlfleet.aws.metric-period (PT1M30S) must be a whole number of"
                        + " minutes, at least 1m (CloudWatch periods are multiples of 60 s)");
        refused(() -> new AwsProperties(null, null, null, 0, null, null, null), "cmlfleet.aws.max-attempts",
                "cmlfleet.aws.max-attempts (0) must be at least 1");
        refused(() -> new AwsProperties("ec2.local:4566", null, null, null, null, null, null),
                "cmlfleet.aws.endpoint-override",
                "cmlfleet.aws.endpoint-override (ec2.local:4566) must be an absolute http or https URL, "
                        + "e.g. https://ec2.eu-west-1.amazonaws.com");
        refused(() -> new AwsProperties(null, null, null, null, null, null, Duration.ofSeconds(-1)),
                "cmlfleet.aws.description-max-age", "cmlfleet.aws.description-max-age (PT-1S) must not be negative"
                        + " (0 describes every instance on every refresh)");
        assertThatThrownBy(() -> new AwsProperties(null, null, "top-secret", null, null, null, null))
                .hasMessage("cmlfleet.aws.access-key-id and cmlfleet.aws.secret-access-key must be set together "
                        + "(or neither, for the default chain)");
        refused(() -> new CmlProperties(null, null, "/nonexistent/ca.pem", null, null, null, null, null, null, null),
                "cmlfleet.cml.ca-bundle", "cmlfleet.cml.ca-bundle (/nonexistent/ca.pem) must be a readable PEM file");
        refused(() -> new CmlProperties(null, null, null, null, null, Duration.ZERO, null, null, null, null),
                "cmlfleet.cml.read-timeout", "cmlfleet.cml.read-timeout (0s) must be longer than 0, e.g. 30s or 5m");
    }

    @Test
    void theDefaultsPass() {
        assertThat(new MonitoringProperties(null, null, null, null, null, null, null, null, null).settings()).isNotNull();
        assertThat(new RefreshProperties(null, null, null, null, null, null, null, null, null, null, null, null)
                .settings())
                .isNotNull();
        assertThat(new AwsProperties("http://127.0.0.1:4566", "id", "secret", null, null, null, null).adapterSettings())
                .isNotNull();
    }
}
