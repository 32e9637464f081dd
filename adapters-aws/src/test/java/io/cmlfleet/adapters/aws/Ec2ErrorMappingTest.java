package io.cmlfleet.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.CloudAccessException.Kind;
import io.cmlfleet.application.port.cloud.InventoryBatch;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2ErrorMappingTest extends WireMockAwsTestBase {

    private static final String INSTANCE = "i-1234567890abcdef0";

    @Test
    void retriesRequestLimitExceededThenSucceeds() {
        wireMock.stubFor(ec2Action("DescribeInstances").inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(503, AwsFixtures.text("error_throttling.xml")))
                .willSetStateTo("recovered"));
        wireMock.stubFor(ec2Action("DescribeInstances").inScenario("throttle")
                .whenScenarioStateIs("recovered")
                .willReturn(xml(200, AwsFixtures.text("describe_instances.xml"))));
        wireMock.stubFor(ec2Action("DescribeInstanceStatus")
                .willReturn(xml(200, Ec2Responses.describeInstanceStatus(List.of(INSTANCE)))));

        InventoryBatch batch = adapters().inventory().describeAll(REGION, List.of(INSTANCE));

        assertThat(batch.instances()).containsOnlyKeys(INSTANCE);
        wireMock.verify(exactly(2), ec2Requested("DescribeInstances"));
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsThrottled() {
        wireMock.stubFor(ec2Action("DescribeInstances").willReturn(xml(503, AwsFixtures.text("error_throttling.xml"))));

        CloudAccessException error = catchThrowableOfType(CloudAccessException.class,
                () -> adapters().inventory().describeAll(REGION, List.of(INSTANCE)));

        assertThat(error.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(error.providerErrorCode()).isEqualTo("RequestLimitExceeded");
        assertThat(error.region()).isEqualTo(REGION);
        assertThat(error.operation()).isEqualTo("DescribeInstances");
        // maxAttempts = 3 in the test settings: the first call and two retries.
        wireMock.verify(exactly(3), ec2Requested("DescribeInstances"));
        assertClean(error);
    }

    @Test
    void unknownInstanceIdIsUnknownInstance() {
        wireMock.stubFor(ec2Action("StopInstances").willReturn(xml(400, AwsFixtures.text("invalid_instance_id.xml"))));

        CloudAccessException error = catchThrowableOfType(CloudAccessException.class,
                () -> adapters().lifecycle().stop(REGION, "i-1a2b3c4d"));

        assertThat(error.kind()).isEqualTo(Kind.UNKNOWN_INSTANCE);
        assertThat(error.providerErrorCode()).isEqualTo("InvalidInstanceID.NotFound");
        assertThat(error.getMessage()).contains("StopInstances").contains("i-1a2b3c4d");
        // A client error is not retried.
        wireMock.verify(exactly(1), ec2Requested("StopInstances"));
        assertClean(error);
    }

    @Test
    void unauthorizedOperationIsAccessDenied() {
        wireMock.stubFor(ec2Action("DescribeInstances").willReturn(xml(403, AwsFixtures.text("error_unauthorized.xml"))));

        CloudAccessException error = catchThrowableOfType(CloudAccessException.class,
                () -> adapters().inventory().describeAll(REGION, List.of(INSTANCE)));

        assertThat(error.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(error.providerErrorCode()).isEqualTo("UnauthorizedOperation");
        assertClean(error);
    }

    @Test
    void refusedConnectionIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AwsAdapters unreachable = adapters(settings().withEndpointOverride(URI.create("http://127.0.0.1:" + closedPort)));

        CloudAccessException error = catchThrowableOfType(CloudAccessException.class,
                () -> unreachable.lifecycle().start(REGION, INSTANCE));

        assertThat(error.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(error.providerErrorCode()).isNull();
        assertClean(error);
    }

    @Test
    void endpointThatDoesNotAnswerInTimeIsUnreachable() {
        wireMock.stubFor(ec2Action("TerminateInstances").willReturn(
                xml(200, AwsFixtures.text("terminate_instances.xml")).withFixedDelay(5_000)));
        AwsAdapters slow = adapters(settings().withApiCallTimeout(Duration.ofMillis(300)));

        CloudAccessException error = catchThrowableOfType(CloudAccessException.class,
                () -> slow.lifecycle().terminate(REGION, INSTANCE));

        assertThat(error.kind()).isEqualTo(Kind.UNREACHABLE);
        assertClean(error);
    }

    /** Callers get a one-line message, no cause chain to dig secrets or stack traces out of, no credentials. */
    private static void assertClean(CloudAccessException error) {
        assertThat(error.getCause()).isNull();
        assertThat(error.getMessage())
                .isNotBlank()
                .doesNotContain("\n")
                .doesNotContain("\tat ")
                .doesNotContain(FAKE_SECRET_KEY)
                .doesNotContain(FAKE_ACCESS_KEY);
    }
}
