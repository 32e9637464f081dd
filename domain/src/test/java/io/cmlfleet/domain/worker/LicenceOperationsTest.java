package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.domain.worker.command.RecordLicenceOperationOutcome;
import io.cmlfleet.domain.worker.command.RequestLicenceOperation;
import io.cmlfleet.domain.worker.event.LicenceOperationFinished;
import io.cmlfleet.domain.worker.event.LicenceOperationRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The worker's side of licence operations, and the rule that reads their end from CML's licensing state. */
class LicenceOperationsTest {

    static final String TIMED_OUT = "Connection timed out after 60003 milliseconds";

    @Test
    void anOperationIsAcceptedOnlyWhileTheCmlApiCanBeCalled() {
        fixture().given(runningAndAvailable())
                .when(new RequestLicenceOperation(WORKER, LicenceOperation.REGISTER, true, "alice", "new account"))
                .expectEvents(new LicenceOperationRequested(WORKER, LicenceOperation.REGISTER, true, "alice",
                        "new account", NOW));
        fixture().given(runningWithAutoEndpoint())
                .when(new RequestLicenceOperation(WORKER, LicenceOperation.DEREGISTER, false, "alice", null))
                .expectException(WorkerStateConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(
                        "cannot perform a licence deregistration: CML service is UNAVAILABLE"))
                .expectNoEvents();
        fixture().given(runningAndAvailable())
                .when(new RequestLicenceOperation(WORKER, LicenceOperation.RENEW_AUTHORIZATION, false, " ", null))
                .expectException(InvalidWorkerInputException.class)
                .expectNoEvents();
    }

    @Test
    void theOutcomeIsRecordedWithCmlsTextNeutralised() {
        fixture().given(runningAndAvailable())
                .when(new RecordLicenceOperationOutcome(WORKER, LicenceOperation.REGISTER, "alice",
                        LicenceOperationOutcome.FAILED, "NOT_REGISTERED", "EVAL", TIMED_OUT + "\u202e\n", T2))
                .expectEvents(new LicenceOperationFinished(WORKER, LicenceOperation.REGISTER, "alice",
                        LicenceOperationOutcome.FAILED, "NOT_REGISTERED", "EVAL", TIMED_OUT, T2));
    }

    @Test
    void aRegistrationEndsWhenItLeavesTheInProgressStates() {
        LicenceRenewal failedAttempt = new LicenceRenewal("FAILED", TIMED_OUT, T0, null);
        assertThat(LicenceOperationRule.ended(LicenceOperation.REGISTER, null, T0, facts("IN_PROGRESS", null),
                failedAttempt)).isEmpty();
        assertThat(LicenceOperationRule.ended(LicenceOperation.REGISTER, null, T0, facts("COMPLETED", null),
                null)).contains(new LicenceOperationRule.Ended(LicenceOperationOutcome.SUCCEEDED, null));
        assertThat(LicenceOperationRule.ended(LicenceOperation.REGISTER, null, T0, facts("NOT_REGISTERED", null),
                failedAttempt)).contains(new LicenceOperationRule.Ended(LicenceOperationOutcome.FAILED, TIMED_OUT));
        // CML writes "OK" as the failure of a good attempt: no explanation, so the status says it.
        assertThat(LicenceOperationRule.ended(LicenceOperation.REGISTER, null, T0, facts("NOT_REGISTERED", null),
                new LicenceRenewal(null, "OK", T0, null))).map(LicenceOperationRule.Ended::message)
                .contains("registration is NOT_REGISTERED");
        assertThat(LicenceOperationRule.ended(LicenceOperation.DEREGISTER, null, T0, facts("COMPLETED", null),
                null)).map(LicenceOperationRule.Ended::outcome).contains(LicenceOperationOutcome.FAILED);
    }

    @Test
    void aRenewalEndsWithANewAttemptEvenWithinTheSecondOfTheLastOne() {
        Instant requested = Instant.parse("2026-11-24T08:00:00.400Z");
        LicenceRenewal last = new LicenceRenewal("SUCCEEDED", null, Instant.parse("2026-11-24T08:00:00Z"), null);
        LicenceFacts before = facts("COMPLETED", last);
        // The same attempt as before, from a second before the request: nothing new yet.
        assertThat(LicenceOperationRule.ended(LicenceOperation.RENEW_AUTHORIZATION, before,
                requested.plus(Duration.ofSeconds(1)), facts("COMPLETED", last), null)).isEmpty();
        // Reported with the request's second: new.
        assertThat(LicenceOperationRule.ended(LicenceOperation.RENEW_AUTHORIZATION, before, requested,
                facts("COMPLETED", last), null)).map(LicenceOperationRule.Ended::outcome)
                .contains(LicenceOperationOutcome.SUCCEEDED);
        LicenceRenewal failed = new LicenceRenewal("FAILED", TIMED_OUT, requested.plusSeconds(5), null);
        assertThat(LicenceOperationRule.ended(LicenceOperation.RENEW_AUTHORIZATION, before, requested,
                facts("COMPLETED", failed), null))
                .contains(new LicenceOperationRule.Ended(LicenceOperationOutcome.FAILED, TIMED_OUT));
        assertThat(LicenceOperationRule.ended(LicenceOperation.RENEW_AUTHORIZATION, before, requested,
                facts("COMPLETED", new LicenceRenewal("IN_PROGRESS", null, requested.plusSeconds(5), null)), null))
                .isEqualTo(Optional.empty());
    }

    @Test
    void knownLicenceSaysWhetherAnOperationIsPending() {
        KnownLicence requested = KnownLicence.NONE.on(new LicenceOperationRequested(WORKER,
                LicenceOperation.REGISTER, false, "alice", null, T1));
        assertThat(requested.operationPending()).isTrue();
        assertThat(requested.on(new LicenceOperationFinished(WORKER, LicenceOperation.REGISTER, "alice",
                LicenceOperationOutcome.SUCCEEDED, "COMPLETED", "IN_COMPLIANCE", null, T2)).operationPending())
                .isFalse();
    }

    private static LicenceFacts facts(String registrationStatus, LicenceRenewal authorizationRenewal) {
        return new LicenceFacts(registrationStatus, null, null, "IN_COMPLIANCE", null, authorizationRenewal,
                "CML_Enterprise", true, "sa", "va");
    }
}
