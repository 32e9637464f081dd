package io.cmlfleet.adapters.cml;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlAccessException.Kind;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.fixture;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.fixtureResponse;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.fixtureToken;
import static io.cmlfleet.adapters.cml.LoopbackCmlController.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Login, token reuse, re-login on 401, bad credentials and rate limiting. */
class AuthenticationTest {

    private static final String AUTHENTICATE = "/api/v0/authenticate";

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
    void logsInOnceAndSendsTheTokenAsBearerOnEveryCall() {
        client.systemStats(controller.target());
        client.licensing(controller.target());
        client.labs(controller.target(), false);
        client.evaluateHealth(controller.target());

        controller.server.verify(1, postRequestedFor(urlPathEqualTo(AUTHENTICATE))
                .withRequestBody(equalToJson("{\"username\": \"admin\", \"password\": \"S3cret-Pa55word!\"}")));
        controller.server.verify(1, getRequestedFor(urlPathEqualTo("/api/v0/system_stats"))
                .withHeader("Authorization", equalTo("Bearer " + fixtureToken())));
        controller.server.verify(1, getRequestedFor(urlPathEqualTo("/api/v0/system_health"))
                .withHeader("Authorization", equalTo("Bearer " + fixtureToken())));
    }

    @Test
    void systemInformationNeedsNoLogin() {
        client.systemInformation(controller.target());

        controller.server.verify(0, postRequestedFor(urlPathEqualTo(AUTHENTICATE)));
        controller.server.verify(getRequestedFor(urlPathEqualTo("/api/v0/system_information")).withoutHeader("Authorization"));
    }

    @Test
    void tokensAreCachedPerController() {
        client.systemStats(controller.target("w-1"));
        client.systemStats(controller.target("w-2"));
        client.systemStats(controller.target("w-1"));

        controller.server.verify(2, postRequestedFor(urlPathEqualTo(AUTHENTICATE)));
    }

    @Test
    void expiredTokenIsReplacedByOneFreshLoginAndTheCallSucceeds() {
        controller.stub(get(urlPathEqualTo("/api/v0/system_stats")).inScenario("expiry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(401, fixture("error_401_no_token.json")))
                .willSetStateTo("expired"));
        controller.stub(get(urlPathEqualTo("/api/v0/system_stats")).inScenario("expiry")
                .whenScenarioStateIs("expired")
                .willReturn(fixtureResponse("system_stats.json")));

        assertThat(client.systemStats(controller.target()).nodesRunning()).isEqualTo(8L);

        controller.server.verify(2, postRequestedFor(urlPathEqualTo(AUTHENTICATE)));
        controller.server.verify(2, getRequestedFor(urlPathEqualTo("/api/v0/system_stats")));
    }

    @Test
    void tokenRefusedAgainAfterFreshLoginIsUnauthorized() {
        controller.stub(get(urlPathEqualTo("/api/v0/system_stats")).willReturn(json(401, fixture("error_401_no_token.json"))));

        CmlAccessException failure = catchThrowableOfType(
                () -> client.systemStats(controller.target()), CmlAccessException.class);

        assertThat(failure.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(failure.getMessage()).contains("401", "/api/v0/system_stats", "w-1");
        controller.server.verify(2, postRequestedFor(urlPathEqualTo(AUTHENTICATE)));
        controller.server.verify(2, getRequestedFor(urlPathEqualTo("/api/v0/system_stats")));
    }

    @Test
    void rejectedLoginIsBadCredentials() {
        controller.stub(post(urlPathEqualTo(AUTHENTICATE)).willReturn(json(403, fixture("error_403_auth_failed.json"))));

        CmlAccessException failure = catchThrowableOfType(
                () -> client.licensing(controller.target()), CmlAccessException.class);

        assertThat(failure.kind()).isEqualTo(Kind.BAD_CREDENTIALS);
        assertThat(failure.getMessage()).contains("admin", "403");
        controller.server.verify(0, getRequestedFor(urlPathEqualTo("/api/v0/licensing")));
    }

    @Test
    void badCredentialsMakeHealthErrorBecauseTheControllerDidAnswer() {
        controller.stub(post(urlPathEqualTo(AUTHENTICATE)).willReturn(json(403, fixture("error_403_auth_failed.json"))));

        CmlHealthReport report = client.evaluateHealth(controller.target());

        assertThat(report.status()).isEqualTo(CmlServiceStatus.ERROR);
        assertThat(report.reachable()).isTrue();
        assertThat(report.error()).startsWith("bad credentials");
    }

    @Test
    void rateLimitedLoginReportsRetryAfterAndIsNotRetriedDuringTheBackOff() {
        controller.stub(post(urlPathEqualTo(AUTHENTICATE)).willReturn(json(429,
                "{\"code\": 429, \"description\": \"Too Many Requests\"}").withHeader("Retry-After", "120")));

        CmlAccessException first = catchThrowableOfType(
                () -> client.systemStats(controller.target()), CmlAccessException.class);
        CmlAccessException second = catchThrowableOfType(
                () -> client.licensing(controller.target()), CmlAccessException.class);

        assertThat(first.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(first.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(second.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(second.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isPositive());
        controller.server.verify(1, postRequestedFor(urlPathEqualTo(AUTHENTICATE)));
    }

    @Test
    void rateLimitWithoutRetryAfterStillBacksOff() {
        controller.stub(get(urlPathEqualTo("/api/v0/system_stats")).willReturn(json(429, "")));

        CmlAccessException first = catchThrowableOfType(
                () -> client.systemStats(controller.target()), CmlAccessException.class);
        CmlAccessException second = catchThrowableOfType(
                () -> client.systemStats(controller.target()), CmlAccessException.class);

        assertThat(first.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(first.retryAfter()).isEmpty();
        assertThat(second.kind()).isEqualTo(Kind.RATE_LIMITED);
        controller.server.verify(1, getRequestedFor(urlPathEqualTo("/api/v0/system_stats")));
    }
}
