package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.*;
import static org.hamcrest.Matchers.containsString;

import io.cmlfleet.domain.worker.command.RecordCmlStats;
import io.cmlfleet.domain.worker.command.RecordRefreshFailure;
import io.cmlfleet.domain.worker.command.RecordTelemetry;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import org.junit.jupiter.api.Test;

class CMLWorkerStatsAndTelemetryTest {

    private static final CmlFacts FACTS = new CmlFacts("2.9.1+build.7", true, true, true, "COMPLETED",
            "IN_COMPLIANCE", 3, 8, 182, 7, 6_291_456L, 3600L);

    @Test
    void cmlStatsFromAnAvailableServiceAreRecorded() {
        fixture().given(runningAndAvailable())
                .when(new RecordCmlStats(WORKER, FACTS, T2))
                .expectEvents(new CmlStatsRecorded(WORKER, FACTS, T2));
    }

    @Test
    void statsThatDifferOnlyInUptimeEmitNothing() {
        CmlFacts later = new CmlFacts("2.9.1+build.7", true, true, true, "COMPLETED", "IN_COMPLIANCE", 3, 8, 182, 7,
                6_291_456L, 3900L);
        fixture().given(runningAndAvailable())
                .andGiven(new CmlStatsRecorded(WORKER, FACTS, T1.plusSeconds(1)))
                .when(new RecordCmlStats(WORKER, later, T2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changedNodeCountsAreRecorded() {
        CmlFacts later = new CmlFacts("2.9.1+build.7", true, true, true, "COMPLETED", "IN_COMPLIANCE", 4, 12, 190, 9,
                8_388_608L, 3900L);
        fixture().given(runningAndAvailable())
                .andGiven(new CmlStatsRecorded(WORKER, FACTS, T1.plusSeconds(1)))
                .when(new RecordCmlStats(WORKER, later, T2))
                .expectEvents(new CmlStatsRecorded(WORKER, later, T2));
    }

    @Test
    void cmlStatsAreRefusedWhileTheServiceIsNotAvailable() {
        fixture().given(runningWithAutoEndpoint())
                .when(new RecordCmlStats(WORKER, FACTS, T2))
                .expectException(WorkerStateConflictException.class)
                .expectExceptionMessage(containsString("CML service is UNAVAILABLE, not AVAILABLE"))
                .expectNoEvents();
    }

    @Test
    void telemetryIsRecordedAndZeroIsARealValue() {
        fixture().given(runningWithAutoEndpoint())
                .when(new RecordTelemetry(WORKER, 0.0, 41.5, T2, 300, null, null))
                .expectEvents(new TelemetryUpdated(WORKER, 0.0, 41.5, T2, 300));
    }

    @Test
    void telemetryWithNoDatapointAtAllEmitsNothing() {
        fixture().given(runningWithAutoEndpoint())
                .when(new RecordTelemetry(WORKER, null, null, T2, 300, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSameSampleDeliveredTwiceEmitsNothing() {
        fixture().given(runningWithAutoEndpoint())
                .andGiven(new TelemetryUpdated(WORKER, 12.0, 40.0, T2, 300))
                .when(new RecordTelemetry(WORKER, 12.0, 40.0, T2, 300, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRefreshFailureIsRecordedWithStageCodeAndMessage() {
        fixture().given(runningWithAutoEndpoint())
                .when(new RecordRefreshFailure(WORKER, RefreshStage.TELEMETRY, "THROTTLED", "CloudWatch throttled", T2))
                .expectEvents(new RefreshFailed(WORKER, RefreshStage.TELEMETRY, "THROTTLED", "CloudWatch throttled",
                        true, T2));
    }

    @Test
    void aVeryLongFailureMessageIsTruncatedNotRejected() {
        String longMessage = "x".repeat(5000);
        fixture().given(runningWithAutoEndpoint())
                .when(new RecordRefreshFailure(WORKER, RefreshStage.CML_STATS, "MALFORMED", longMessage, T2))
                .expectEvents(new RefreshFailed(WORKER, RefreshStage.CML_STATS, "MALFORMED",
                        "x".repeat(WorkerInputRules.MAX_TEXT_LENGTH - 1) + "…", false, T2));
    }

    @Test
    void theSameFailureDeliveredTwiceIsRecordedOnce() {
        fixture().given(runningWithAutoEndpoint())
                .andGiven(new RefreshFailed(WORKER, RefreshStage.TELEMETRY, "THROTTLED", "CloudWatch throttled", true,
                        T2))
                .when(new RecordRefreshFailure(WORKER, RefreshStage.TELEMETRY, "THROTTLED", "CloudWatch throttled", T2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
