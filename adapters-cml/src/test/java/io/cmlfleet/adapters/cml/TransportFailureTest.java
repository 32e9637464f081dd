package io.cmlfleet.adapters.cml;

import io.cmlfleet.adapters.cml.ScriptedTlsController.Misbehaviour;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlAccessException.Kind;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.fixture;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Timeouts, refused connections, server errors and bodies that are broken or too big. */
class TransportFailureTest {

    private LoopbackCmlController controller;
    private HttpCmlControllerClient client;

    @BeforeEach
    void start() {
        controller = new LoopbackCmlController().servingFixtures();
        client = LoopbackCmlController.trustingClient();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void slowControllerIsUnavailableWithTimeoutReasonAndLatency() {
        HttpCmlControllerClient impatient = LoopbackCmlController.client(LoopbackCmlController.trustingSettings()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));

        CmlHealthReport report;
        try (ScriptedTlsController silent = new ScriptedTlsController("/api/v0/system_information",
                Misbehaviour.NEVER_ANSWER, new byte[0])) {
            report = impatient.evaluateHealth(silent.target());
        }

        assertThat(report.status()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
        assertThat(report.reachable()).isFalse();
        assertThat(report.error()).startsWith("timeout");
        assertThat(report.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void slowControllerCallFailsWithTimeout() {
        HttpCmlControllerClient impatient = LoopbackCmlController.client(LoopbackCmlController.trustingSettings()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));

        CmlAccessException failure;
        try (ScriptedTlsController silent = new ScriptedTlsController("/api/v0/licensing",
                Misbehaviour.NEVER_ANSWER, new byte[0])) {
            failure = catchThrowableOfType(() -> impatient.licensing(silent.target()), CmlAccessException.class);
        }

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.getMessage()).contains("no response within 300 ms");
    }

    @Test
    void refusedConnectionIsUnreachableAndHealthUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CmlTarget nobodyHome = new CmlTarget("w-gone", URI.create("https://127.0.0.1:" + closedPort));

        CmlHealthReport report = client.evaluateHealth(nobodyHome);
        CmlAccessException failure = catchThrowableOfType(
                () -> client.systemInformation(nobodyHome), CmlAccessException.class);

        assertThat(report.status()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
        assertThat(report.error()).contains("connection refused");
        assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(failure.getMessage()).contains("w-gone", "/api/v0/system_information");
    }

    @Test
    void bootingControllerAnswering502IsUnavailable() {
        controller.stub(get(urlPathEqualTo("/api/v0/system_information"))
                .willReturn(aResponse().withStatus(502).withBody("<html>502 Bad Gateway</html>")));

        CmlHealthReport report = client.evaluateHealth(controller.target());

        assertThat(report.status()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
        assertThat(report.reachable()).isFalse();
        assertThat(report.error()).contains("502");
    }

    @Test
    void systemHealthAnswering502IsUnavailable() {
        controller.stub(get(urlPathEqualTo("/api/v0/system_health"))
                .willReturn(json(502, "{\"code\": 502, \"description\": \"Bad Gateway\"}")));

        CmlHealthReport report = client.evaluateHealth(controller.target());

        assertThat(report.status()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
        assertThat(report.error()).contains("server error", "502", "Bad Gateway");
    }

    @Test
    void malformedJsonIsErrorForHealthAndMalformedResponseForCalls() {
        controller.stub(get(urlPathEqualTo("/api/v0/system_health")).willReturn(json(200, "{\"valid\": tru")));
        controller.stub(get(urlPathEqualTo("/api/v0/system_stats")).willReturn(json(200, "<html>not json</html>")));

        CmlHealthReport report = client.evaluateHealth(controller.target());
        CmlAccessException failure = catchThrowableOfType(
                () -> client.systemStats(controller.target()), CmlAccessException.class);

        assertThat(report.status()).isEqualTo(CmlServiceStatus.ERROR);
        assertThat(report.reachable()).isTrue();
        assertThat(report.error()).contains("system_health is not valid JSON");
        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(failure.getMessage()).contains("system_stats is not valid JSON");
    }

    @Test
    void wrongShapeIsMalformedResponse() {
        controller.stub(get(urlPathEqualTo("/api/v0/system_health")).willReturn(json(200, "{\"valid\": \"yes\"}")));
        controller.stub(get(urlPathEqualTo("/api/v0/labs")).willReturn(json(200, "{\"labs\": []}")));

        CmlHealthReport report = client.evaluateHealth(controller.target());
        CmlAccessException failure = catchThrowableOfType(
                () -> client.labs(controller.target(), false), CmlAccessException.class);

        assertThat(report.error()).contains("'valid' is not a boolean");
        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @Test
    void truncatedBodyIsMalformedResponse() {
        byte[] whole = fixture("licensing.json");
        controller.stub(get(urlPathEqualTo("/api/v0/licensing"))
                .willReturn(json(200, Arrays.copyOf(whole, whole.length / 2))));

        CmlAccessException failure = catchThrowableOfType(
                () -> client.licensing(controller.target()), CmlAccessException.class);

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(failure.getMessage()).contains("licensing is not valid JSON");
    }

    @Test
    void connectionLostMidBodyIsMalformedResponse() {
        CmlAccessException failure;
        try (ScriptedTlsController cutting = new ScriptedTlsController("/api/v0/licensing",
                Misbehaviour.CUT_BODY_AFTER_HEADERS, fixture("licensing.json"))) {
            failure = catchThrowableOfType(() -> client.licensing(cutting.target()), CmlAccessException.class);
        }

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(failure.getMessage()).contains("truncated response");
    }

    @Test
    void bodyAboveTheCapIsRefused() {
        controller.stub(get(urlPathEqualTo("/api/v0/system_stats"))
                .willReturn(json(200, padded(fixture("system_stats.json"), 20_000))));
        HttpCmlControllerClient capped = LoopbackCmlController.client(
                LoopbackCmlController.trustingSettings().withMaxResponseBytes(8_192));

        CmlAccessException failure = catchThrowableOfType(
                () -> capped.systemStats(controller.target()), CmlAccessException.class);

        assertThat(failure.kind()).isEqualTo(Kind.RESPONSE_TOO_LARGE);
        assertThat(failure.getMessage()).contains("8192 bytes");
    }

    @Test
    void streamedBodyWithoutLengthIsCutOffAtTheCap() {
        // Chunked transfer: no Content-Length to refuse up front, so the cap has to hold while streaming.
        controller.stub(get(urlPathEqualTo("/api/v0/system_stats"))
                .willReturn(json(200, padded(fixture("system_stats.json"), 64_000)).withChunkedDribbleDelay(8, 200)));
        HttpCmlControllerClient capped = LoopbackCmlController.client(
                LoopbackCmlController.trustingSettings().withMaxResponseBytes(8_192));

        CmlAccessException failure = catchThrowableOfType(
                () -> capped.systemStats(controller.target()), CmlAccessException.class);
        CmlHealthReport report = capped.evaluateHealth(controller.target());

        assertThat(failure.kind()).isEqualTo(Kind.RESPONSE_TOO_LARGE);
        assertThat(report.status()).isEqualTo(CmlServiceStatus.AVAILABLE);
    }

    @Test
    void bodyJustUnderTheCapIsAccepted() {
        byte[] body = fixture("system_stats.json");
        HttpCmlControllerClient capped = LoopbackCmlController.client(
                LoopbackCmlController.trustingSettings().withMaxResponseBytes(body.length));

        assertThat(capped.systemStats(controller.target()).nodesRunning()).isEqualTo(8L);
    }

    /** Valid JSON made bigger with trailing whitespace, so only the size can be the reason for refusal. */
    private static byte[] padded(byte[] json, int size) {
        byte[] padded = Arrays.copyOf(json, Math.max(size, json.length));
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }
}
