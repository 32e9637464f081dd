package io.cmlfleet.domain.worker;

import static io.cmlfleet.domain.worker.WorkerFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.instanceOf;
import static io.cmlfleet.domain.worker.WorkerFixtures.PUBLIC_IP;
import static io.cmlfleet.domain.worker.WorkerFixtures.T1;
import static io.cmlfleet.domain.worker.WorkerFixtures.T2;
import static io.cmlfleet.domain.worker.WorkerFixtures.WORKER;
import static io.cmlfleet.domain.worker.WorkerFixtures.fixture;
import static io.cmlfleet.domain.worker.WorkerFixtures.plus;
import static io.cmlfleet.domain.worker.WorkerFixtures.runningAndAvailable;
import static io.cmlfleet.domain.worker.WorkerFixtures.runningWithAutoEndpoint;

import io.cmlfleet.domain.worker.command.RecordCmlStats;
import io.cmlfleet.domain.worker.command.RecordHealthEvaluation;
import io.cmlfleet.domain.worker.command.RecordRefreshCompleted;
import io.cmlfleet.domain.worker.command.RecordRefreshFailure;
import io.cmlfleet.domain.worker.command.RecordRefreshResults;
import io.cmlfleet.domain.worker.command.RecordTelemetry;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.TelemetryThresholdBreached;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One command for a refresh's results leaves the history its parts would leave one by one, minus the noise. */
class CMLWorkerRefreshResultsTest {

    private static final String ENDPOINT = "https://" + PUBLIC_IP;
    private static final CmlFacts FACTS = new CmlFacts("2.9.1+build.7", true, true, true, "COMPLETED",
            "IN_COMPLIANCE", 3, 8, 182, 7, 6_291_456L, 3600L);
    private static final CmlFacts LATER_FACTS = new CmlFacts("2.9.1+build.7", true, true, true, "COMPLETED",
            "IN_COMPLIANCE", 3, 8, 182, 7, 6_291_456L, 3900L);
    private static final List<RefreshStageOutcome> ALL_RAN = List.of(
            RefreshStageOutcome.ran(RefreshStage.EC2_OBSERVATION), RefreshStageOutcome.ran(RefreshStage.HEALTH_CHECK),
            RefreshStageOutcome.ran(RefreshStage.CML_INFORMATION), RefreshStageOutcome.ran(RefreshStage.CML_STATS),
            RefreshStageOutcome.ran(RefreshStage.CML_LICENSING), RefreshStageOutcome.ran(RefreshStage.CML_LABS),
            RefreshStageOutcome.ran(RefreshStage.TELEMETRY),
            RefreshStageOutcome.skipped(RefreshStage.IDLE_CHECK, "idle stopping is disabled fleet-wide"));

    private static RecordHealthEvaluation available() {
        return new RecordHealthEvaluation(WORKER, true, true, true, true, null, 40, T2);
    }

    private static RecordRefreshResults results(String endpoint, RecordCmlStats stats, RecordTelemetry telemetry,
                                                List<RecordRefreshFailure> failures) {
        return new RecordRefreshResults(WORKER, endpoint, available(), stats, failures, telemetry, 5.0, null,
                new RecordRefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T2, T2, ALL_RAN));
    }

    private static RecordTelemetry telemetry(double cpu, double memory) {
        return new RecordTelemetry(WORKER, cpu, memory, T2, 300, 90.0, 90.0);
    }

    private static List<RefreshStageOutcome> withStage(RefreshStageOutcome replacement) {
        List<RefreshStageOutcome> stages = new ArrayList<>(ALL_RAN);
        stages.replaceAll(outcome -> outcome.stage() == replacement.stage() ? replacement : outcome);
        return stages;
    }

    @Test
    void aFirstFullRefreshRecordsWhatEachPartWouldRecordAlone() {
        fixture().given(runningWithAutoEndpoint())
                .when(results(ENDPOINT, new RecordCmlStats(WORKER, FACTS, T2), telemetry(12.0, 40.0), List.of()))
                .expectEvents(
                        new ServiceHealthEvaluated(WORKER, ENDPOINT, CmlServiceStatus.UNAVAILABLE,
                                CmlServiceStatus.AVAILABLE, true, true, true, null, 40, T2),
                        new CmlStatsRecorded(WORKER, FACTS, T2),
                        new TelemetryUpdated(WORKER, 12.0, 40.0, T2, 300),
                        new RefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T2, T2, ALL_RAN));
    }

    @Test
    void aSteadyRefreshAppendsOnlyItsCompletionAndSaysWhatItObserved() {
        Object[] steady = plus(runningAndAvailable(), new CmlStatsRecorded(WORKER, FACTS, T1),
                new TelemetryUpdated(WORKER, 12.0, 40.0, T1, 300));
        fixture().given(steady)
                .when(results(ENDPOINT, new RecordCmlStats(WORKER, LATER_FACTS, T2), telemetry(14.9, 36.1),
                        List.of()))
                .expectEvents(new RefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T2, T2,
                        withStage(new RefreshStageOutcome(RefreshStage.TELEMETRY, StageResult.RAN,
                                "cpu 14.9 %, memory 36.1 %: within 5.0 points of the last recorded sample,"
                                        + " not recorded"))));
    }

    @Test
    void aSampleThatMovedFiveOrMorePointsOrCrossedAThresholdIsRecorded() {
        Object[] steady = plus(runningAndAvailable(), new CmlStatsRecorded(WORKER, FACTS, T1),
                new TelemetryUpdated(WORKER, 86.0, 40.0, T1, 300));
        fixture().given(steady)
                .when(results(ENDPOINT, null, telemetry(90.5, 40.0), List.of()))
                .expectEvents(
                        new TelemetryUpdated(WORKER, 90.5, 40.0, T2, 300),
                        new TelemetryThresholdBreached(WORKER, TelemetryMetric.CPU, 90.5, 90.0, T2),
                        new RefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T2, T2, ALL_RAN));
        fixture().given(steady)
                .when(results(ENDPOINT, null, telemetry(81.0, 40.0), List.of()))
                .expectEvents(
                        new TelemetryUpdated(WORKER, 81.0, 40.0, T2, 300),
                        new RefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T2, T2, ALL_RAN));
    }

    @Test
    void resultsFromAnEndpointThatChangedDuringTheRefreshAreDiscarded() {
        String why = "result discarded: the endpoint changed to " + ENDPOINT + " during the refresh";
        List<RefreshStageOutcome> stages = new ArrayList<>(ALL_RAN);
        stages.replaceAll(outcome -> switch (outcome.stage()) {
            case HEALTH_CHECK, CML_INFORMATION, CML_STATS, CML_LICENSING, CML_LABS ->
                    RefreshStageOutcome.skipped(outcome.stage(), why);
            default -> outcome;
        });
        fixture().given(runningAndAvailable())
                .when(results("https://198.51.100.7", new RecordCmlStats(WORKER, FACTS, T2), null, List.of()))
                .expectEvents(new RefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T2, T2, stages));
    }

    @Test
    void cmlFactsAreNotRecordedWhenTheHealthCheckFoundTheServiceDown() {
        RecordRefreshResults down = new RecordRefreshResults(WORKER, ENDPOINT,
                new RecordHealthEvaluation(WORKER, false, false, null, null, "connection refused", 3, T2),
                new RecordCmlStats(WORKER, FACTS, T2), List.of(), null, 5.0, null,
                new RecordRefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T2, T2, ALL_RAN));
        String why = "result not recorded: CML service is UNAVAILABLE, not AVAILABLE";
        List<RefreshStageOutcome> stages = new ArrayList<>(ALL_RAN);
        stages.replaceAll(outcome -> outcome.stage().name().startsWith("CML_")
                ? RefreshStageOutcome.skipped(outcome.stage(), why) : outcome);
        fixture().given(runningAndAvailable())
                .when(down)
                .expectEvents(
                        new ServiceHealthEvaluated(WORKER, ENDPOINT, CmlServiceStatus.AVAILABLE,
                                CmlServiceStatus.UNAVAILABLE, false, null, null, "connection refused", 3, T2),
                        new RefreshCompleted(WORKER, RefreshTrigger.SCHEDULED, T2, T2, stages));
    }

    @Test
    void aMalformedPartFailsItsStageAndTheOtherPartsAreStillRecorded() {
        RecordTelemetry impossible = new RecordTelemetry(WORKER, 140.0, 40.0, T2, 300, null, null);
        RecordRefreshFailure labsFailed = new RecordRefreshFailure(WORKER, RefreshStage.CML_LABS, "TIMEOUT",
                "labs did not answer", T2);
        fixture().given(runningWithAutoEndpoint())
                .when(results(ENDPOINT, new RecordCmlStats(WORKER, FACTS, T2), impossible, List.of(labsFailed)))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(
                                instanceOf(ServiceHealthEvaluated.class)),
                        messageWithPayload(
                                instanceOf(CmlStatsRecorded.class)),
                        messageWithPayload(
                                equalTo(new RefreshFailed(WORKER, RefreshStage.CML_LABS,
                                        "TIMEOUT", "labs did not answer", true, T2))),
                        messageWithPayload(
                                allOf(
                                        instanceOf(RefreshFailed.class),
                                        hasToString(containsString(
                                                "INVALID_OBSERVATION")))),
                        messageWithPayload(
                                allOf(
                                        instanceOf(RefreshCompleted.class),
                                        hasToString(containsString(
                                                "TELEMETRY, result=FAILED, detail=INVALID_OBSERVATION")))),
                        andNoMore()));
    }

    @Test
    void theAnswerIsTheGateOnTheRecordedState() {
        fixture().given(runningWithAutoEndpoint())
                .when(results(ENDPOINT, null, null, List.of()))
                .expectResultMessagePayload(new RefreshResultsRecorded(
                        RefreshGate.decide(WorkerStatus.RUNNING, ENDPOINT, CmlServiceStatus.AVAILABLE), null,
                        ALL_RAN));
    }

    @Test
    void theGateAfterAHealthCheckIsWhatTheAggregateDecidesOnceItIsRecorded() {
        RefreshGateDecision before = WorkerFixtures.stateAfter(runningWithAutoEndpoint()).refreshGate();
        WorkerState after = WorkerFixtures.stateAfter(plus(runningWithAutoEndpoint(), new ServiceHealthEvaluated(
                WORKER, ENDPOINT, CmlServiceStatus.UNAVAILABLE, CmlServiceStatus.AVAILABLE, true, true, true, null,
                40, NOW)));
        assertThat(before.afterHealthCheck(true, true)).isEqualTo(after.refreshGate());
        assertThat(before.afterHealthCheck(false, false).queryCmlApi()).isFalse();
        assertThat(before.afterHealthCheck(true, false).cmlQuerySkipReason())
                .contains("ERROR");
    }
}
