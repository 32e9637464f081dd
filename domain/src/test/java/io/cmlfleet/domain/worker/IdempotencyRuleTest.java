package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Re-delivered, out-of-order and unchanged observations record nothing. */
class IdempotencyRuleTest {

    private static final String ENDPOINT = "https://" + PUBLIC_IP;

    @Test
    void anObservationNoNewerThanTheLastIsOutdated() {
        assertThat(IdempotencyRule.isOutdated(T1, null)).isFalse();
        assertThat(IdempotencyRule.isOutdated(T2, T1)).isFalse();
        assertThat(IdempotencyRule.isOutdated(T1, T1)).isTrue();
        assertThat(IdempotencyRule.isOutdated(T0, T1)).isTrue();
    }

    @Nested
    class HealthEvaluations {

        /** Health was AVAILABLE, valid, licensed, enterprise, no error, at T1 (see runningAndAvailable). */
        private final WorkerState state = stateAfter(runningAndAvailable());

        @Test
        void theFirstEvaluationIsNews() {
            assertThat(IdempotencyRule.saysSomethingNew(stateAfter(runningWithAutoEndpoint()),
                    evaluation(CmlServiceStatus.AVAILABLE, true, true, null, T1))).isTrue();
        }

        @Test
        void theSameOutcomeIsNoNewsWhateverTheLatency() {
            assertThat(IdempotencyRule.saysSomethingNew(state,
                    new ServiceHealthEvaluated(WORKER, ENDPOINT, CmlServiceStatus.AVAILABLE,
                            CmlServiceStatus.AVAILABLE, true, true, true, null, 999, T2))).isFalse();
        }

        @Test
        void aDifferentStatusValidityLicenceOrErrorIsNews() {
            assertThat(IdempotencyRule.saysSomethingNew(state,
                    evaluation(CmlServiceStatus.ERROR, false, true, "valid=false", T2))).isTrue();
            assertThat(IdempotencyRule.saysSomethingNew(state,
                    evaluation(CmlServiceStatus.AVAILABLE, true, false, null, T2))).isTrue();
            assertThat(IdempotencyRule.saysSomethingNew(state,
                    evaluation(CmlServiceStatus.AVAILABLE, true, true, "slow", T2))).isTrue();
        }

        @Test
        void anEvaluationOnAnotherEndpointIsNews() {
            WorkerState moved = stateAfter(plus(runningAndAvailable(), new EndpointPopulated(WORKER,
                    "https://cml.lab.example.com", PUBLIC_IP, EndpointSource.MANUAL, "ops", T1)));

            assertThat(IdempotencyRule.saysSomethingNew(moved, new ServiceHealthEvaluated(WORKER,
                    "https://cml.lab.example.com", CmlServiceStatus.AVAILABLE, CmlServiceStatus.AVAILABLE, true,
                    true, true, null, 42, T2))).isTrue();
        }

        @Test
        void anEvaluationNoNewerThanTheLastIsNoNews() {
            assertThat(IdempotencyRule.saysSomethingNew(state,
                    evaluation(CmlServiceStatus.UNAVAILABLE, false, null, "refused", T1))).isFalse();
        }

        private ServiceHealthEvaluated evaluation(CmlServiceStatus status, boolean valid, Boolean licensed,
                                                  String error, Instant at) {
            return new ServiceHealthEvaluated(WORKER, ENDPOINT, state.serviceStatus(), status, valid, licensed, true,
                    error, 42, at);
        }
    }

    @Nested
    class CmlStats {

        private final CmlFacts facts = new CmlFacts("2.9.1", true, true, true, "COMPLETED", "IN_COMPLIANCE", 3, 8,
                182, 7, 6_291_456L, 3600L);
        private final WorkerState state = stateAfter(plus(runningAndAvailable(),
                new CmlStatsRecorded(WORKER, facts, T1)));

        @Test
        void theFirstFactsAreNews() {
            assertThat(IdempotencyRule.saysSomethingNew(stateAfter(runningAndAvailable()),
                    new CmlStatsRecorded(WORKER, facts, T1))).isTrue();
        }

        @Test
        void factsThatDifferOnlyInUptimeAreNoNews() {
            CmlFacts later = new CmlFacts("2.9.1", true, true, true, "COMPLETED", "IN_COMPLIANCE", 3, 8, 182, 7,
                    6_291_456L, 3900L);

            assertThat(IdempotencyRule.saysSomethingNew(state, new CmlStatsRecorded(WORKER, later, T2))).isFalse();
        }

        @Test
        void changedCountsAreNewsButNotWhenOutdated() {
            CmlFacts busier = new CmlFacts("2.9.1", true, true, true, "COMPLETED", "IN_COMPLIANCE", 4, 12, 190, 9,
                    8_388_608L, 3900L);

            assertThat(IdempotencyRule.saysSomethingNew(state, new CmlStatsRecorded(WORKER, busier, T2))).isTrue();
            assertThat(IdempotencyRule.saysSomethingNew(state, new CmlStatsRecorded(WORKER, busier, T1))).isFalse();
        }
    }

    @Nested
    class Telemetry {

        private final WorkerState state = stateAfter(plus(runningWithAutoEndpoint(),
                new TelemetryUpdated(WORKER, 12.0, 40.0, T1, 300)));

        @Test
        void aSampleWithoutAnyDatapointIsNoNews() {
            assertThat(IdempotencyRule.saysSomethingNew(stateAfter(runningWithAutoEndpoint()),
                    new TelemetryUpdated(WORKER, null, null, T1, 300))).isFalse();
        }

        @Test
        void aNewerSampleIsNewsAndTheSameOrAnOlderOneIsNot() {
            assertThat(IdempotencyRule.saysSomethingNew(state, new TelemetryUpdated(WORKER, 12.0, 40.0, T2, 300)))
                    .isTrue();
            assertThat(IdempotencyRule.saysSomethingNew(state, new TelemetryUpdated(WORKER, 50.0, 40.0, T1, 300)))
                    .isFalse();
            assertThat(IdempotencyRule.saysSomethingNew(state, new TelemetryUpdated(WORKER, 50.0, 40.0, T0, 300)))
                    .isFalse();
        }

        @Test
        void aSingleDatapointIsEnough() {
            assertThat(IdempotencyRule.saysSomethingNew(stateAfter(runningWithAutoEndpoint()),
                    new TelemetryUpdated(WORKER, 0.0, null, T1, 300))).isTrue();
        }
    }

    @Nested
    class RefreshRecords {

        private final RefreshFailed failure = new RefreshFailed(WORKER, RefreshStage.TELEMETRY, "THROTTLED",
                "CloudWatch throttled", true, T2);
        private final RefreshCompleted refresh = new RefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T1, T2,
                List.of(RefreshStageOutcome.ran(RefreshStage.EC2_OBSERVATION)));

        @Test
        void theSameFailureDeliveredAgainIsNoNewsButTheSameFailureLaterIs() {
            WorkerState state = stateAfter(created(), failure);

            assertThat(IdempotencyRule.saysSomethingNew(state, failure)).isFalse();
            assertThat(IdempotencyRule.saysSomethingNew(state, new RefreshFailed(WORKER, RefreshStage.TELEMETRY,
                    "THROTTLED", "CloudWatch throttled", true, NOW))).isTrue();
        }

        @Test
        void theSameRefreshDeliveredAgainIsNoNews() {
            WorkerState state = stateAfter(created(), refresh);

            assertThat(IdempotencyRule.saysSomethingNew(state, refresh)).isFalse();
            assertThat(IdempotencyRule.saysSomethingNew(stateAfter(created()), refresh)).isTrue();
        }
    }
}
