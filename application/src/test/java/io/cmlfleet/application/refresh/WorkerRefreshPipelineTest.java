package io.cmlfleet.application.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.messaging.RefreshCorrelation;
import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.TelemetrySample;
import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.EndpointSource;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.RefreshStageOutcome;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.StageResult;
import io.cmlfleet.domain.worker.WorkerStatus;
import io.cmlfleet.domain.worker.command.MarkTerminated;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The refresh pipeline against the real aggregate on a real (in-memory) event store, with fake ports. */
class WorkerRefreshPipelineTest {

    private static final String IP = "54.194.252.215";
    private static final String ENDPOINT = "https://" + IP;
    private final RefreshTestApp app = new RefreshTestApp();
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void tearDown() {
        log.close();
        app.close();
    }

    @Test
    void aPendingWorkerIsObservedAndEveryLaterStageIsSkippedWithTheReason() {
        WorkerRef worker = app.register("w-1", "eu-west-1", "i-0123456789abcdef0");
        app.ec2.put(worker.instanceId(), "pending", 0, null);

        RefreshOutcome outcome = app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(outcome.performed()).isTrue();
        assertThat(app.events(worker.workerId(), StatusChanged.class)).extracting(StatusChanged::to)
                .containsExactly(WorkerStatus.PENDING);
        RefreshCompleted completed = app.events(worker.workerId(), RefreshCompleted.class).get(0);
        assertThat(completed.stages()).containsExactly(
                RefreshStageOutcome.ran(RefreshStage.EC2_OBSERVATION),
                RefreshStageOutcome.skipped(RefreshStage.HEALTH_CHECK,
                        "worker is PENDING, not RUNNING; worker has no HTTPS endpoint"),
                skippedCml(RefreshStage.CML_INFORMATION, "PENDING", false),
                skippedCml(RefreshStage.CML_STATS, "PENDING", false),
                skippedCml(RefreshStage.CML_LICENSING, "PENDING", false),
                skippedCml(RefreshStage.CML_LABS, "PENDING", false),
                RefreshStageOutcome.skipped(RefreshStage.TELEMETRY, "worker is PENDING, not RUNNING"),
                RefreshStageOutcome.skipped(RefreshStage.IDLE_CHECK, "worker is PENDING, not RUNNING"));
        assertThat(app.cml.calls).isEmpty();
        assertThat(app.cloudWatch.calls).isEmpty();
        assertThat(log.lines()).contains("Skipping CML API query for worker w-1 - not meeting requirements"
                + " (status=PENDING, has_endpoint=false, service_status=UNAVAILABLE)");
    }

    @Test
    void aRunningWorkerGoesAllTheWayToStatsAndTelemetryInOneRefresh() {
        WorkerRef worker = app.register("w-1", "eu-west-1", "i-0123456789abcdef0");
        app.ec2.put(worker.instanceId(), "running", 16, IP);
        app.cloudWatch.samples.put(worker.instanceId(), new TelemetrySample(worker.instanceId(), 0.0, 37.5,
                app.clock.instant().minusSeconds(60)));

        RefreshOutcome outcome = app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(outcome.gate().queryCmlApi()).isTrue();
        assertThat(app.events(worker.workerId(), EndpointPopulated.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.endpoint()).isEqualTo(ENDPOINT);
                    assertThat(e.source()).isEqualTo(EndpointSource.AUTO);
                });
        assertThat(app.events(worker.workerId(), ServiceHealthEvaluated.class)).singleElement()
                .extracting(ServiceHealthEvaluated::newStatus).isEqualTo(CmlServiceStatus.AVAILABLE);
        CmlStatsRecorded stats = app.events(worker.workerId(), CmlStatsRecorded.class).get(0);
        assertThat(stats.facts().version()).isEqualTo("2.9.1+build.7");
        assertThat(stats.facts().nodesRunning()).isEqualTo(8);
        assertThat(stats.facts().nodesTotal()).isEqualTo(182);
        assertThat(stats.facts().labsCount()).isEqualTo(2);
        assertThat(stats.facts().licensed()).isTrue();
        assertThat(app.events(worker.workerId(), TelemetryUpdated.class)).singleElement()
                .satisfies(t -> {
                    assertThat(t.cpuPercent()).isEqualTo(0.0);
                    assertThat(t.memoryPercent()).isEqualTo(37.5);
                    assertThat(t.windowSeconds()).isEqualTo(300);
                });
        assertThat(app.events(worker.workerId(), RefreshCompleted.class).get(0).stages())
                .filteredOn(stage -> stage.stage() != RefreshStage.IDLE_CHECK)
                .extracting(RefreshStageOutcome::result).containsOnly(StageResult.RAN);
        assertThat(log.lines()).containsSubsequence(
                "Worker w-1 has public IP: " + IP + ", current endpoint: None",
                "Auto-populated HTTPS endpoint for worker w-1: " + ENDPOINT,
                "Performing CML service health check for worker w-1 at " + ENDPOINT,
                "CML service health check passed for worker w-1 - service marked as AVAILABLE (licensed=true,"
                        + " enterprise=true)",
                "CML API check for worker w-1: status=RUNNING, has_endpoint=true, endpoint=" + ENDPOINT
                        + ", service_status=AVAILABLE",
                "Attempting to query CML API for worker w-1 at " + ENDPOINT,
                "Worker w-1 CML stats: Version=2.9.1+build.7, Ready=true, Licensed=true, Nodes=8/182,"
                        + " CPUs allocated=7");
    }

    @Test
    void aSecondRefreshThatLearnsNothingNewRecordsOnlyTheRefresh() {
        WorkerRef worker = app.register("w-1", "eu-west-1", "i-0123456789abcdef0");
        app.ec2.put(worker.instanceId(), "running", 16, IP);
        app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");
        int before = app.events(worker.workerId()).size();

        app.clock.advance(Duration.ofSeconds(30));
        app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(app.events(worker.workerId()).subList(before, app.events(worker.workerId()).size()))
                .singleElement().isInstanceOf(RefreshCompleted.class);
        assertThat(log.lines()).contains("Worker w-1 has public IP: " + IP + ", current endpoint: " + ENDPOINT);
    }

    @Test
    void aRunningWorkerWithoutPublicIpGetsNoEndpointAndNoHealthCheck() {
        WorkerRef worker = app.register("w-1", "eu-west-1", "i-0123456789abcdef0");
        app.ec2.put(worker.instanceId(), "running", 16, null);

        RefreshOutcome outcome = app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(outcome.stages()).contains(
                RefreshStageOutcome.skipped(RefreshStage.HEALTH_CHECK, "worker has no HTTPS endpoint"));
        assertThat(app.cml.calls).isEmpty();
        assertThat(log.lines()).contains("Worker w-1 has no public IP from AWS, cannot auto-populate endpoint");
        assertThat(app.cloudWatch.calls).hasSize(1);
    }

    @Test
    void anUnreachableControllerIsMarkedUnavailableAndTheCmlApiIsNotQueried() {
        WorkerRef worker = app.register("w-1", "eu-west-1", "i-0123456789abcdef0");
        app.ec2.put(worker.instanceId(), "running", 16, IP);
        app.cml.health = FakeCmlController.unreachable("timeout after 10 s");

        RefreshOutcome outcome = app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(app.events(worker.workerId(), ServiceHealthEvaluated.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.newStatus()).isEqualTo(CmlServiceStatus.UNAVAILABLE);
                    assertThat(e.error()).isEqualTo("timeout after 10 s");
                    assertThat(e.latencyMillis()).isEqualTo(3000);
                });
        assertThat(outcome.stages()).contains(new RefreshStageOutcome(RefreshStage.HEALTH_CHECK, StageResult.RAN,
                        "UNAVAILABLE: timeout after 10 s"),
                RefreshStageOutcome.skipped(RefreshStage.CML_STATS, "CML service is UNAVAILABLE, not AVAILABLE"));
        assertThat(app.cml.calls).extracting(c -> c.split(" ")[0]).containsExactly("HEALTH");
        assertThat(log.lines()).contains(
                "CML service not accessible for worker w-1: timeout after 10 s - service marked as UNAVAILABLE",
                "Skipping CML API query for worker w-1 - not meeting requirements (status=RUNNING,"
                        + " has_endpoint=true, service_status=UNAVAILABLE)");
    }

    @Test
    void anInvalidHealthStatusIsErrorAndTheCmlApiIsNotQueried() {
        WorkerRef worker = app.register("w-1", "eu-west-1", "i-0123456789abcdef0");
        app.ec2.put(worker.instanceId(), "running", 16, IP);
        app.cml.health = FakeCmlController.invalid();

        app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(app.events(worker.workerId(), ServiceHealthEvaluated.class)).singleElement()
                .extracting(ServiceHealthEvaluated::newStatus).isEqualTo(CmlServiceStatus.ERROR);
        assertThat(app.events(worker.workerId(), CmlStatsRecorded.class)).isEmpty();
        assertThat(log.lines()).contains(
                "CML service health check failed for worker w-1 - service returned invalid health status");
    }

    @Test
    void anEc2FailureIsRecordedAndTheLaterStagesRunOnWhatIsKnown() {
        WorkerRef worker = app.register("w-1", "eu-west-1", "i-0123456789abcdef0");
        app.ec2.put(worker.instanceId(), "running", 16, IP);
        app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");
        app.ec2.failure = new CloudAccessException(CloudAccessException.Kind.THROTTLED, "eu-west-1",
                "DescribeInstances", "EC2 throttled DescribeInstances (RequestLimitExceeded)");
        app.cml.calls.clear();
        app.clock.advance(Duration.ofSeconds(30));

        RefreshOutcome outcome = app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(app.events(worker.workerId(), RefreshFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(RefreshStage.EC2_OBSERVATION);
            assertThat(f.errorCode()).isEqualTo("THROTTLED");
            assertThat(f.message()).contains("RequestLimitExceeded");
        });
        assertThat(outcome.stages().get(0).result()).isEqualTo(StageResult.FAILED);
        assertThat(app.cml.calls).extracting(c -> c.split(" ")[0])
                .containsExactly("HEALTH", "INFORMATION", "STATS", "LICENSING", "LABS");
    }

    @Test
    void aFailingCmlCallIsRecordedForItsStageAndTheOtherFactsAreStillRecorded() {
        WorkerRef worker = app.register("w-1", "eu-west-1", "i-0123456789abcdef0");
        app.ec2.put(worker.instanceId(), "running", 16, IP);
        app.cml.failures.put(FakeCmlController.Call.STATS, new CmlAccessException(
                CmlAccessException.Kind.MALFORMED_RESPONSE, "system_stats: body is not JSON"));

        RefreshOutcome outcome = app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(app.events(worker.workerId(), RefreshFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(RefreshStage.CML_STATS);
            assertThat(f.errorCode()).isEqualTo("MALFORMED_RESPONSE");
        });
        CmlStatsRecorded stats = app.events(worker.workerId(), CmlStatsRecorded.class).get(0);
        assertThat(stats.facts().version()).isEqualTo("2.9.1+build.7");
        assertThat(stats.facts().nodesRunning()).isNull();
        assertThat(stats.facts().labsCount()).isEqualTo(2);
        assertThat(outcome.stages()).extracting(RefreshStageOutcome::stage, RefreshStageOutcome::result)
                .contains(org.assertj.core.groups.Tuple.tuple(RefreshStage.CML_STATS, StageResult.FAILED),
                        org.assertj.core.groups.Tuple.tuple(RefreshStage.CML_LABS, StageResult.RAN),
                        org.assertj.core.groups.Tuple.tuple(RefreshStage.TELEMETRY, StageResult.RAN));
    }

    @Test
    void aTelemetryFailureIsRecordedAsATelemetryStageFailure() {
        WorkerRef worker = app.register("w-1", "eu-west-1", "i-0123456789abcdef0");
        app.ec2.put(worker.instanceId(), "running", 16, IP);
        app.cloudWatch.failure = new CloudAccessException(CloudAccessException.Kind.ACCESS_DENIED, "eu-west-1",
                "GetMetricData", "not authorized to perform cloudwatch:GetMetricData");

        app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(app.events(worker.workerId(), RefreshFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(RefreshStage.TELEMETRY);
            assertThat(f.errorCode()).isEqualTo("ACCESS_DENIED");
        });
        assertThat(app.events(worker.workerId(), CmlStatsRecorded.class)).hasSize(1);
    }

    @Test
    void noDatapointIsNoTelemetryEvent() {
        WorkerRef worker = app.register("w-1", "eu-west-1", "i-0123456789abcdef0");
        app.ec2.put(worker.instanceId(), "running", 16, IP);

        RefreshOutcome outcome = app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(app.events(worker.workerId(), TelemetryUpdated.class)).isEmpty();
        assertThat(outcome.stages()).contains(new RefreshStageOutcome(RefreshStage.TELEMETRY, StageResult.RAN,
                "no datapoint in the window"));
    }

    @Test
    void everyEventOfOneRefreshCarriesTheSameCorrelationIdAndIssuerAndSoDoTheLogLines() {
        WorkerRef worker = app.register("w-1", "eu-west-1", "i-0123456789abcdef0");
        app.ec2.put(worker.instanceId(), "running", 16, IP);

        app.pipeline.refresh(worker, RefreshTrigger.ON_DEMAND, "alice");

        List<DomainEventMessage<?>> refreshEvents = app.messages(worker.workerId()).subList(1,
                app.messages(worker.workerId()).size());
        Set<Object> correlationIds = refreshEvents.stream()
                .map(m -> m.getMetaData().get(RefreshCorrelation.CORRELATION_ID)).collect(Collectors.toSet());
        assertThat(correlationIds).hasSize(1).doesNotContainNull();
        assertThat(refreshEvents).allSatisfy(m ->
                assertThat(m.getMetaData()).containsEntry(RefreshCorrelation.ISSUED_BY, "alice"));
        assertThat(log.events()).allSatisfy(line -> {
            assertThat(line.getMDCPropertyMap()).containsEntry(RefreshCorrelation.WORKER_ID, "w-1");
            assertThat(line.getMDCPropertyMap().get(RefreshCorrelation.CORRELATION_ID))
                    .isEqualTo(correlationIds.iterator().next());
        });
    }

    @Test
    void aWorkerTerminatedMeanwhileEndsTheRefreshWithTheReason() {
        WorkerRef worker = app.register("w-1", "eu-west-1", "i-0123456789abcdef0");
        app.commands().sendAndWait(new MarkTerminated(worker.workerId(), "deleted", app.clock.instant()));
        app.ec2.put(worker.instanceId(), "terminated", 48, null);

        RefreshOutcome outcome = app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(outcome.performed()).isFalse();
        assertThat(outcome.skippedBecause()).contains("is TERMINATED");
    }

    @Test
    void anInstanceEc2DoesNotKnowFailsOnlyTheEc2StageOfItsOwnWorker() {
        WorkerRef known = app.register("w-a", "eu-west-1", "i-0000000a");
        WorkerRef gone = app.register("w-gone", "eu-west-1", "i-0000000f");
        app.ec2.put(known.instanceId(), "running", 16, "54.0.0.1");

        app.pipeline.refresh(known, RefreshTrigger.SCHEDULED, "monitoring");
        RefreshOutcome outcome = app.pipeline.refresh(gone, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(app.events("w-gone", RefreshFailed.class)).singleElement()
                .extracting(RefreshFailed::errorCode).isEqualTo("UNKNOWN_INSTANCE");
        assertThat(outcome.performed()).isTrue();
        assertThat(outcome.stages().get(0).result()).isEqualTo(StageResult.FAILED);
        assertThat(app.events("w-a", RefreshFailed.class)).isEmpty();
    }

    private static RefreshStageOutcome skippedCml(RefreshStage stage, String status, boolean hasEndpoint) {
        String reason = "worker is " + status + ", not RUNNING"
                + (hasEndpoint ? "" : "; worker has no HTTPS endpoint")
                + "; CML service is UNAVAILABLE, not AVAILABLE";
        return RefreshStageOutcome.skipped(stage, reason);
    }

}
