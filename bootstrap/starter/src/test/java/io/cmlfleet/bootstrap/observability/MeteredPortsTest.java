package io.cmlfleet.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.TelemetryBatch;
import io.cmlfleet.application.port.cloud.TelemetrySource;
import io.cmlfleet.application.port.cml.CmlControllerClient;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.actuate.health.Status;

/** Port calls are counted by outcome, and the reachability indicators follow the last outcomes. */
class MeteredPortsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExternalCallOutcomes outcomes = new ExternalCallOutcomes(Clock.systemUTC());
    private final MeteredPortsPostProcessor postProcessor;

    MeteredPortsTest() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("meters", meters);
        beans.registerSingleton("outcomes", outcomes);
        postProcessor = new MeteredPortsPostProcessor(beans.getBeanProvider(MeterRegistry.class),
                beans.getBeanProvider(ExternalCallOutcomes.class));
    }

    @Test
    void cloudWatchCallsAreCountedAndAnUnreachableAwsIsDown() {
        TelemetrySource failing = (region, ids, from, to) -> {
            throw new CloudAccessException(CloudAccessException.Kind.UNREACHABLE, region, "GetMetricData", "timeout");
        };
        TelemetrySource metered = (TelemetrySource) postProcessor.postProcessAfterInitialization(failing, "telemetry");
        AwsReachabilityHealthIndicator aws = new AwsReachabilityHealthIndicator(outcomes);
        assertThat(aws.health().getStatus()).isEqualTo(Status.UNKNOWN);

        assertThatThrownBy(() -> metered.sample("eu-west-1", List.of("i-1"), Instant.EPOCH, Instant.now()))
                .isInstanceOf(CloudAccessException.class);

        assertThat(meters.counter(PortCallMeter.CALLS, "service", "cloudwatch", "operation", "sample",
                "outcome", "unreachable").count()).isEqualTo(1.0);
        assertThat(aws.health().getStatus()).isEqualTo(Status.DOWN);

        TelemetrySource working = (region, ids, from, to) -> new TelemetryBatch(region, Map.of(), false, List.of());
        ((TelemetrySource) postProcessor.postProcessAfterInitialization(working, "telemetry2"))
                .sample("eu-west-1", List.of("i-1"), Instant.EPOCH, Instant.now());
        assertThat(aws.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void cmlIsDownWhenNoCheckedControllerAnswers() {
        CmlControllerClient client = Mockito.mock(CmlControllerClient.class);
        Mockito.when(client.evaluateHealth(Mockito.any())).thenReturn(new CmlHealthReport(
                CmlServiceStatus.UNAVAILABLE, false, false, null, null, "connection refused", Duration.ofMillis(5)));
        CmlControllerClient metered = (CmlControllerClient) postProcessor.postProcessAfterInitialization(client, "cml");
        CmlReachabilityHealthIndicator cml = new CmlReachabilityHealthIndicator(outcomes);
        assertThat(cml.health().getStatus()).isEqualTo(Status.UNKNOWN);

        metered.evaluateHealth(new CmlTarget("w-1", URI.create("https://10.0.0.1")));

        assertThat(cml.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(meters.counter(PortCallMeter.CALLS, "service", "cml", "operation", "evaluateHealth",
                "outcome", "unreachable").count()).isEqualTo(1.0);
    }

    @Test
    void beansThatAreNoPortStayAsTheyAre() {
        Object plain = new Object();
        assertThat(postProcessor.postProcessAfterInitialization(plain, "plain")).isSameAs(plain);
    }
}
