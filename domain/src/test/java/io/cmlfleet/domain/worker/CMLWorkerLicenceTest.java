package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;

import io.cmlfleet.domain.worker.command.RecordLicence;
import io.cmlfleet.domain.worker.event.LicenceStateChanged;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CMLWorkerLicenceTest {

    static final Duration HORIZON = Duration.ofDays(14);
    static final LicenceFacts HEALTHY = new LicenceFacts("COMPLETED", NOW.plus(Duration.ofDays(200)), null,
            "IN_COMPLIANCE", NOW.plus(Duration.ofDays(80)), new LicenceRenewal("SUCCEEDED", null, T0, null),
            "CML_Enterprise", true, "sa", "va");
    static final LicenceFacts FAILED = new LicenceFacts("COMPLETED", NOW.plus(Duration.ofDays(200)), null,
            "IN_COMPLIANCE", NOW.plus(Duration.ofDays(80)),
            new LicenceRenewal("FAILED", "Connection timed out after 60003 milliseconds", T0, null),
            "CML_Enterprise", true, "sa", "va");

    @Test
    void theFirstCheckIsRecordedAndTheSameLicenceAgainIsNot() {
        fixture().given(runningAndAvailable())
                .when(new RecordLicence(WORKER, HEALTHY, HORIZON, T1))
                .expectEvents(new LicenceStateChanged(WORKER, HEALTHY, List.of(), 14, T1));
        fixture().given(plus(runningAndAvailable(), new LicenceStateChanged(WORKER, HEALTHY, List.of(), 14, T1)))
                .when(new RecordLicence(WORKER, HEALTHY, HORIZON, T2))
                .expectNoEvents();
    }

    @Test
    void aFailedRenewalIsRecordedWithItsIssue() {
        fixture().given(plus(runningAndAvailable(), new LicenceStateChanged(WORKER, HEALTHY, List.of(), 14, T1)))
                .when(new RecordLicence(WORKER, FAILED, HORIZON, T2))
                .expectEvents(new LicenceStateChanged(WORKER, FAILED, List.of(new LicenceIssue(
                        LicenceIssue.Kind.RENEWAL_FAILED, "last authorization renewal failed at " + T0
                        + ": Connection timed out after 60003 milliseconds")), 14, T2));
    }

    @Test
    void aWorkerWithoutCmlApiTakesNoLicenceCheck() {
        fixture().given(runningWithAutoEndpoint())
                .when(new RecordLicence(WORKER, HEALTHY, HORIZON, T2))
                .expectException(WorkerStateConflictException.class)
                .expectNoEvents();
    }
}
