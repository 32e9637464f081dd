package io.cmlfleet.domain.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LicenceHealthRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static LicenceFacts licence(Instant registrationExpires, Instant authorizationExpires,
                                        LicenceRenewal renewal) {
        return new LicenceFacts("COMPLETED", registrationExpires, null, "IN_COMPLIANCE", authorizationExpires,
                renewal, "CML_Enterprise", true, "sa", "va");
    }

    @Test
    void aHealthyLicenceNeedsNothing() {
        assertThat(LicenceHealthRule.issues(licence(NOW.plus(Duration.ofDays(200)), NOW.plus(Duration.ofDays(80)),
                new LicenceRenewal("SUCCEEDED", null, NOW, null)), NOW, Duration.ofDays(14))).isEmpty();
        assertThat(LicenceHealthRule.issues(null, NOW, Duration.ofDays(14))).isEmpty();
    }

    @Test
    void theHorizonIncludesItsLastInstantAndAnExpiryAtNowHasPassed() {
        assertThat(LicenceHealthRule.issues(licence(NOW.plus(Duration.ofDays(14)), NOW, null), NOW,
                Duration.ofDays(14))).extracting(LicenceIssue::kind).containsExactly(
                LicenceIssue.Kind.AUTHORIZATION_EXPIRED, LicenceIssue.Kind.REGISTRATION_EXPIRING);
        assertThat(LicenceHealthRule.issues(licence(NOW.plus(Duration.ofDays(15)), null, null), NOW,
                Duration.ofDays(14))).isEmpty();
    }

    @Test
    void aFailedRenewalIsNamedWithCmlsTextNeutralised() {
        LicenceIssue issue = LicenceHealthRule.issues(licence(null, null,
                new LicenceRenewal("FAILED", "timed out\r\nforged line", null, null)), NOW, Duration.ofDays(14))
                .get(0);

        assertThat(issue.kind()).isEqualTo(LicenceIssue.Kind.RENEWAL_FAILED);
        assertThat(issue.detail()).isEqualTo("last authorization renewal failed: timed out  forged line");
    }
}
