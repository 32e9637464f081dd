package io.cmlfleet.adapters.cml;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlAccessException.Kind;
import io.cmlfleet.application.port.cml.CmlCredentials;
import io.cmlfleet.application.port.cml.CmlCredentialsProvider;
import io.cmlfleet.application.port.cml.CmlTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.PASSWORD;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.fixture;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.fixtureResponse;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.fixtureToken;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.json;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.trustingSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Passwords and tokens never reach logs or exception messages; credentials come through the port. */
class SecretHandlingTest {

    private LoopbackCmlController controller;

    @BeforeEach
    void start() {
        controller = new LoopbackCmlController().servingFixtures();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void credentialsToStringRedactsThePassword() {
        assertThat(LoopbackCmlController.CREDENTIALS.toString()).contains("admin").doesNotContain(PASSWORD);
    }

    @Test
    void neitherPasswordNorTokenAppearsInLogsOrFailures() {
        List<String> messages = new ArrayList<>();
        try (CapturedLogs logs = new CapturedLogs()) {
            HttpCmlControllerClient client = LoopbackCmlController.trustingClient();
            // Success, then a refused token (re-login), then refused twice, then bad credentials.
            client.evaluateHealth(controller.target());
            controller.stub(get(urlPathEqualTo("/api/v0/licensing")).willReturn(json(401, fixture("error_401_no_token.json"))));
            messages.add(catchThrowableOfType(() -> client.licensing(controller.target()), CmlAccessException.class).getMessage());
            controller.stub(post(urlPathEqualTo("/api/v0/authenticate")).willReturn(json(403, fixture("error_403_auth_failed.json"))));
            messages.add(catchThrowableOfType(() -> client.systemStats(controller.target("w-2")), CmlAccessException.class).getMessage());
            messages.add(client.evaluateHealth(controller.target("w-3")).error());

            List<String> everything = new ArrayList<>(logs.lines());
            everything.addAll(messages);
            assertThat(logs.lines()).anyMatch(line -> line.contains("Logged in"));
            assertThat(messages).hasSize(3).doesNotContainNull();
            assertThat(everything).noneMatch(line -> line.contains(PASSWORD))
                    .noneMatch(line -> line.contains(fixtureToken()))
                    .noneMatch(line -> line.contains(fixtureToken().substring(0, 36)));
        }
    }

    @Test
    void aTokenStringThatIsNotJsonIsNotQuotedInTheFailure() {
        String leakedLooking = "eyJhbGciOiJIUzI1NiJ9.not-json-quoted";
        controller.stub(post(urlPathEqualTo("/api/v0/authenticate")).willReturn(json(200, leakedLooking)));

        CmlAccessException failure = catchThrowableOfType(
                () -> LoopbackCmlController.trustingClient().systemStats(controller.target()), CmlAccessException.class);

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(failure.getMessage()).contains("authenticate").doesNotContain(leakedLooking);
    }

    @Test
    void userInfoInTheEndpointIsNeitherSentNorPrinted() {
        CmlTarget withUserInfo = new CmlTarget("w-1",
                URI.create("https://admin:" + PASSWORD + "@localhost:" + controller.server.httpsPort()));
        controller.stub(get(urlPathEqualTo("/api/v0/system_stats")).willReturn(json(500, "{}")));

        CmlAccessException failure = catchThrowableOfType(
                () -> LoopbackCmlController.trustingClient().systemStats(withUserInfo), CmlAccessException.class);

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(failure.getMessage()).contains("https://localhost:").doesNotContain(PASSWORD);
    }

    @Test
    void pluggableSecretProviderIsAskedAgainOnReLoginSoRotatedSecretsArePickedUp() {
        AtomicInteger asked = new AtomicInteger();
        CmlCredentialsProvider secretStore = target -> {
            asked.incrementAndGet();
            return new CmlCredentials("svc-" + target.workerId(), "from-vault-" + asked.get());
        };
        controller.stub(get(urlPathEqualTo("/api/v0/system_stats")).inScenario("rotation")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(401, fixture("error_401_no_token.json"))).willSetStateTo("rotated"));
        controller.stub(get(urlPathEqualTo("/api/v0/system_stats")).inScenario("rotation")
                .whenScenarioStateIs("rotated").willReturn(fixtureResponse("system_stats.json")));
        HttpCmlControllerClient client = new HttpCmlControllerClient(trustingSettings(), secretStore);

        client.systemStats(controller.target("w-7"));

        assertThat(asked).hasValue(2);
        controller.server.verify(1, postRequestedFor(urlPathEqualTo("/api/v0/authenticate"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"username\": \"svc-w-7\", \"password\": \"from-vault-2\"}")));
    }

    @Test
    void failingSecretProviderBecomesBadCredentialsWithoutItsMessage() {
        CmlCredentialsProvider broken = target -> {
            throw new IllegalStateException("vault said: password=" + PASSWORD);
        };
        HttpCmlControllerClient client = new HttpCmlControllerClient(trustingSettings(), broken);

        CmlAccessException failure = catchThrowableOfType(
                () -> client.licensing(controller.target()), CmlAccessException.class);

        assertThat(failure.kind()).isEqualTo(Kind.BAD_CREDENTIALS);
        assertThat(failure.getMessage()).contains("IllegalStateException").doesNotContain(PASSWORD);
    }

    @Test
    void staticProviderPrefersPerWorkerCredentialsOverTheFleetDefault() {
        CmlCredentials fleet = new CmlCredentials("fleet", "p1");
        CmlCredentials special = new CmlCredentials("special", "p2");
        StaticCmlCredentialsProvider provider = new StaticCmlCredentialsProvider(fleet, Map.of("w-2", special));

        assertThat(provider.credentialsFor(controller.target("w-1"))).isEqualTo(fleet);
        assertThat(provider.credentialsFor(controller.target("w-2"))).isEqualTo(special);
        CmlAccessException missing = catchThrowableOfType(() -> new StaticCmlCredentialsProvider(null, Map.of())
                .credentialsFor(controller.target("w-3")), CmlAccessException.class);
        assertThat(missing.kind()).isEqualTo(Kind.BAD_CREDENTIALS);
    }
}
