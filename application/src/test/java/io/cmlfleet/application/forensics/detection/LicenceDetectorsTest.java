package io.cmlfleet.application.forensics.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.forensics.FindingsAnalyzer;
import io.cmlfleet.application.forensics.ForensicsSettings;
import io.cmlfleet.application.forensics.finding.FindingPhrasing;
import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.finding.LicenceChanged;
import io.cmlfleet.application.forensics.finding.LicenceExpired;
import io.cmlfleet.application.forensics.finding.LicenceExpiring;
import io.cmlfleet.application.forensics.finding.LicenceRenewalFailed;
import io.cmlfleet.application.forensics.history.RecordedEvent;
import io.cmlfleet.application.forensics.history.TimeWindow;
import io.cmlfleet.domain.worker.LicenceFacts;
import io.cmlfleet.domain.worker.LicenceHealthRule;
import io.cmlfleet.domain.worker.LicenceRenewal;
import io.cmlfleet.domain.worker.event.LicenceStateChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The licence detectors on hand-written licence checks shaped like the recorded CML 2.9 body. */
class LicenceDetectorsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final String TIMED_OUT = "Connection timed out after 60003 milliseconds";

    /** As the shared fixture licensing.json: registration COMPLETED, authorization IN_COMPLIANCE. */
    private static LicenceFacts recorded(LicenceRenewal authorizationRenewal, String registrationStatus) {
        return new LicenceFacts(registrationStatus, Instant.parse("2026-08-20T17:25:30Z"),
                new LicenceRenewal(null, null, Instant.parse("2025-08-20T17:30:32Z"),
                        Instant.parse("2026-02-16T17:30:31Z")),
                "IN_COMPLIANCE", Instant.parse("2026-02-20T15:13:31Z"), authorizationRenewal, "CML_Enterprise", true,
                "Cisco Demo Internal Smart Account", "Joe Clarke - Lic Test");
    }

    private static final LicenceRenewal FAILED = new LicenceRenewal("FAILED", TIMED_OUT,
            Instant.parse("2026-02-19T15:18:33Z"), Instant.parse("2026-03-02T15:18:32Z"));

    private final List<RecordedEvent> history = new ArrayList<>();

    private void check(Instant at, LicenceFacts licence, Duration horizon) {
        history.add(new RecordedEvent(at, "w-1", history.size(), "LicenceStateChanged",
                new LicenceStateChanged("w-1", licence, LicenceHealthRule.issues(licence, at, horizon),
                        horizon.toDays(), at), null, null));
    }

    private Findings analyze(TimeWindow window) {
        return new FindingsAnalyzer(ForensicsSettings.defaults()).analyze("w-1", history, window);
    }

    @Test
    void anExpiredAuthorizationWithAFailedRenewalIsFoundOnceWhateverCmlsStatusSays() {
        check(T0, recorded(FAILED, "COMPLETED"), Duration.ofDays(14));
        check(T0.plus(Duration.ofHours(1)), recorded(FAILED, "COMPLETED"), Duration.ofDays(14));

        Findings findings = analyze(TimeWindow.all());

        assertThat(findings.licenceRenewalFailures()).singleElement().satisfies(f -> {
            assertThat(f.what()).isEqualTo("authorization");
            assertThat(f.failure()).isEqualTo(TIMED_OUT);
            assertThat(f.attempted()).isEqualTo(Instant.parse("2026-02-19T15:18:33Z"));
        });
        assertThat(findings.licenceExpiries()).extracting(LicenceExpired::what).containsExactly("authorization");
        assertThat(findings.licenceChanges()).isEmpty();
        assertThat(findings.causes()).contains(
                "licence authorization expired at 2026-02-20T15:13:31Z (seen expired at 2026-03-01T08:00:00Z)",
                "licence authorization renewal failed at 2026-02-19T15:18:33Z: " + TIMED_OUT
                        + " (seen 2026-03-01T08:00:00Z; next attempt 2026-03-02T15:18:32Z)");
    }

    @Test
    void expiringWithinTheCheckHorizonAndChangesBetweenChecksAreFound() {
        Instant late = Instant.parse("2026-08-10T00:00:00Z"); // registration expires ten days later
        check(late, recorded(null, "COMPLETED"), Duration.ofDays(14));
        check(late.plusSeconds(60), recorded(null, "NOT_REGISTERED"), Duration.ofDays(14));

        Findings findings = analyze(TimeWindow.all());

        assertThat(findings.licenceExpiring()).singleElement().satisfies(e -> {
            assertThat(e.what()).isEqualTo("registration");
            assertThat(e.horizon()).isEqualTo(Duration.ofDays(14));
        });
        assertThat(findings.licenceChanges()).extracting(LicenceChanged::changes)
                .containsExactly(List.of("registration COMPLETED → NOT_REGISTERED"));
        assertThat(FindingPhrasing.details(findings.all())).anySatisfy(row -> {
            assertThat(row.kind()).isEqualTo("licence-changed");
            assertThat(row.detail()).isEqualTo("registration COMPLETED → NOT_REGISTERED");
        });
        // The same registration checked with a 7-day horizon is not yet expiring.
        history.clear();
        check(late, recorded(null, "COMPLETED"), Duration.ofDays(7));
        assertThat(analyze(TimeWindow.all()).licenceExpiring()).isEmpty();
    }

    @Test
    void checksOutsideTheWindowGiveOnlyContext() {
        check(T0, recorded(FAILED, "COMPLETED"), Duration.ofDays(14));
        check(T0.plus(Duration.ofDays(1)), recorded(FAILED, "NOT_REGISTERED"), Duration.ofDays(14));

        Findings findings = analyze(TimeWindow.between(T0.plus(Duration.ofHours(12)), null));

        assertThat(findings.licenceChanges()).hasSize(1);
        assertThat(findings.licenceRenewalFailures()).hasSize(1);
        assertThat(findings.licenceExpiring()).extracting(LicenceExpiring::what).isEmpty();
        assertThat(findings.licenceRenewalFailures()).extracting(LicenceRenewalFailed::at)
                .containsExactly(T0.plus(Duration.ofDays(1)));
    }
}
