package io.cmlfleet.adapters.cml;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.domain.worker.LicenceFacts;
import io.cmlfleet.domain.worker.LicenceHealthRule;
import io.cmlfleet.domain.worker.LicenceIssue;
import io.cmlfleet.domain.worker.LicenceRenewal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole licensing body over HTTPS, and what the licence health rule makes of it: the recorded CML 2.9 body
 * (authorization already expired by late 2026) and one in the same shape whose last renewal failed.
 */
class LicenceDetailsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private LoopbackCmlController controller;
    private HttpCmlLabOperations operations;

    @BeforeEach
    void start() {
        controller = new LoopbackCmlController().servingFixtures();
        operations = new HttpCmlLabOperations(LoopbackCmlController.trustingClient());
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void theRecordedBodyIsReadWholeAndItsExpiredAuthorizationFound() {
        LicenceFacts licence = operations.licenceDetails(controller.target());

        assertThat(licence.registrationStatus()).isEqualTo("COMPLETED");
        assertThat(licence.registrationExpires()).isEqualTo(Instant.parse("2026-08-20T17:25:30Z"));
        assertThat(licence.authorizationStatus()).isEqualTo("IN_COMPLIANCE");
        assertThat(licence.authorizationExpires()).isEqualTo(Instant.parse("2026-02-20T15:13:31Z"));
        assertThat(licence.authorizationRenewal()).isEqualTo(new LicenceRenewal("SUCCEEDED", null,
                Instant.parse("2025-11-22T15:18:33Z"), Instant.parse("2025-12-22T15:18:32Z")));
        assertThat(licence.productLicense()).isEqualTo("CML_Enterprise");
        assertThat(licence.enterprise()).isTrue();
        assertThat(licence.smartAccount()).isEqualTo("Cisco Demo Internal Smart Account");
        assertThat(licence.virtualAccount()).isEqualTo("Joe Clarke - Lic Test");

        assertThat(LicenceHealthRule.issues(licence, NOW, LicenceHealthRule.DEFAULT_HORIZON))
                .extracting(LicenceIssue::kind)
                .containsExactly(LicenceIssue.Kind.AUTHORIZATION_EXPIRED, LicenceIssue.Kind.REGISTRATION_EXPIRED);
        assertThat(LicenceHealthRule.issues(licence, Instant.parse("2026-02-10T00:00:00Z"),
                LicenceHealthRule.DEFAULT_HORIZON)).extracting(LicenceIssue::kind)
                .containsExactly(LicenceIssue.Kind.AUTHORIZATION_EXPIRING);
    }

    @Test
    void aFailedRenewalIsFoundWithCmlsFailureText() {
        controller.stub(get(urlPathEqualTo("/api/v0/licensing"))
                .willReturn(LoopbackCmlController.json(200, resource("cml/licensing_renewal_failed.json"))));

        List<LicenceIssue> issues = LicenceHealthRule.issues(operations.licenceDetails(controller.target()),
                Instant.parse("2025-11-24T00:00:00Z"), LicenceHealthRule.DEFAULT_HORIZON);

        assertThat(issues).extracting(LicenceIssue::kind).containsExactly(LicenceIssue.Kind.RENEWAL_FAILED,
                LicenceIssue.Kind.AUTHORIZATION_EXPIRED);
        assertThat(issues.get(0).detail()).isEqualTo("last authorization renewal failed at 2025-11-22T15:18:33Z:"
                + " Connection timed out after 60003 milliseconds; next attempt 2025-11-23T15:18:33Z");
    }

    private static byte[] resource(String name) {
        try (InputStream in = LicenceDetailsTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
