package io.cmlfleet.application.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.lifecycle.IdleStopSettings;
import io.cmlfleet.application.metrics.MonitoringMetrics;
import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.TelemetrySample;
import io.cmlfleet.application.port.cml.CmlLabs;
import io.cmlfleet.application.port.cml.CmlLicensing;
import io.cmlfleet.application.port.cml.CmlSystemInformation;
import io.cmlfleet.application.port.cml.CmlSystemStats;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.StageResult;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The refresh engine's round trips: scheduled refreshes of a region observed in one batch, a steady refresh in two
 * commands and one event, and the CML calls of a refresh made at the same time.
 */
class RefreshBatchingTest {

    private final RefreshTestApp app = new RefreshTestApp();
    private final ExecutorService cmlCalls = Executors.newFixedThreadPool(3);
    private RefreshExecutor executor;

    @AfterEach
    void tearDown() {
        if (executor != null) {
            executor.close();
        }
        cmlCalls.shutdownNow();
        app.close();
    }

    private RefreshExecutor executor(Duration batchWindow) {
        return new RefreshExecutor(app.pipeline(app.cml, IdleStopSettings.defaults()),
                new RefreshGuard(Duration.ofSeconds(10), app.clock), MonitoringMetrics.none(),
                new RefreshExecutionSettings(4, Duration.ofSeconds(5), batchWindow));
    }

    private WorkerRef runningWorker(int n, String region) {
        String instanceId = String.format("i-%08x", n);
        WorkerRef worker = app.register("w-" + n, region, instanceId);
        app.ec2.put(instanceId, "running", 16, "54.194.252." + n);
        app.cloudWatch.samples.put(instanceId, new TelemetrySample(instanceId, 10.0 + n, 40.0, app.clock.instant()));
        return worker;
    }

    private static void awaitAll(List<CompletableFuture<RefreshOutcome>> outcomes) {
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
        outcomes.forEach(outcome -> assertThat(outcome.join().performed()).isTrue());
    }

    @Test
    void scheduledRefreshesOfARegionAreObservedInOneDescribeAndOneTelemetryCall() {
        executor = executor(Duration.ofSeconds(1));
        List<WorkerRef> workers = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            workers.add(runningWorker(n, "eu-west-1"));
        }
        for (int n = 6; n <= 8; n++) {
            workers.add(runningWorker(n, "us-east-1"));
        }

        List<CompletableFuture<RefreshOutcome>> outcomes = workers.stream()
                .map(worker -> executor.request(worker, RefreshTrigger.SCHEDULED, "monitoring")).toList();
        awaitAll(outcomes);

        assertThat(app.ec2.calls).containsExactlyInAnyOrder("describeAll eu-west-1 5", "describeAll us-east-1 3");
        assertThat(app.cloudWatch.calls).containsExactlyInAnyOrder("sample eu-west-1 5", "sample us-east-1 3");
        workers.forEach(worker -> assertThat(app.events(worker.workerId(), RefreshCompleted.class)).singleElement()
                .satisfies(completed -> assertThat(completed.stages()).allSatisfy(stage ->
                        assertThat(stage.result()).isNotEqualTo(StageResult.FAILED))));
    }

    @Test
    void onDemandRefreshesAndAZeroWindowObserveEachWorkerOnItsOwn() {
        executor = executor(Duration.ZERO);
        WorkerRef first = runningWorker(1, "eu-west-1");
        WorkerRef second = runningWorker(2, "eu-west-1");

        awaitAll(List.of(executor.request(first, RefreshTrigger.SCHEDULED, "monitoring"),
                executor.request(second, RefreshTrigger.ON_DEMAND, "alice")));

        assertThat(app.ec2.calls).containsExactlyInAnyOrder("describe eu-west-1 " + first.instanceId(),
                "describe eu-west-1 " + second.instanceId());
    }

    @Test
    void aFailedBatchedDescribeIsRecordedForEveryWorkerInTheBatch() {
        executor = executor(Duration.ofSeconds(1));
        WorkerRef first = runningWorker(1, "eu-west-1");
        WorkerRef second = runningWorker(2, "eu-west-1");
        app.ec2.failure = new CloudAccessException(CloudAccessException.Kind.THROTTLED, "eu-west-1",
                "DescribeInstances", "RequestLimitExceeded", "EC2 throttled DescribeInstances in eu-west-1");

        awaitAll(List.of(executor.request(first, RefreshTrigger.SCHEDULED, "monitoring"),
                executor.request(second, RefreshTrigger.SCHEDULED, "monitoring")));

        assertThat(app.ec2.calls).containsExactly("describeAll eu-west-1 2");
        for (WorkerRef worker : List.of(first, second)) {
            assertThat(app.events(worker.workerId(), RefreshFailed.class)).singleElement().satisfies(failed -> {
                assertThat(failed.stage()).isEqualTo(RefreshStage.EC2_OBSERVATION);
                assertThat(failed.errorCode()).isEqualTo("THROTTLED");
                assertThat(failed.message()).isEqualTo("EC2 throttled DescribeInstances in eu-west-1");
            });
        }
    }

    @Test
    void aSteadyRefreshCostsTwoCommandsAndAppendsOnlyItsCompletion() {
        WorkerRef worker = runningWorker(1, "eu-west-1");
        app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");
        int before = app.events(worker.workerId()).size();
        List<String> commands = app.recordCommands();
        app.clock.advance(Duration.ofMinutes(5));
        app.cloudWatch.samples.put(worker.instanceId(), new TelemetrySample(worker.instanceId(), 13.5, 41.0,
                app.clock.instant()));

        RefreshOutcome outcome = app.pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(commands).containsExactly("RecordEc2Observation", "RecordRefreshResults");
        List<WorkerEvent> appended = app.events(worker.workerId()).subList(before,
                app.events(worker.workerId()).size());
        assertThat(appended).singleElement().isInstanceOf(RefreshCompleted.class);
        assertThat(outcome.stages()).filteredOn(stage -> stage.stage() == RefreshStage.TELEMETRY).singleElement()
                .satisfies(stage -> assertThat(stage.detail()).isEqualTo(
                        "cpu 13.5 %, memory 41.0 %: within 5.0 points of the last recorded sample, not recorded"));
    }

    @Test
    void theCmlCallsOfARefreshAreMadeAtTheSameTime() {
        // Each call waits until all four have started: made one after another, the first would wait in vain.
        CyclicBarrier allFourStarted = new CyclicBarrier(4);
        FakeCmlController together = new FakeCmlController() {
            @Override
            public CmlSystemInformation systemInformation(CmlTarget target) {
                meet(allFourStarted);
                return super.systemInformation(target);
            }

            @Override
            public CmlSystemStats systemStats(CmlTarget target) {
                meet(allFourStarted);
                return super.systemStats(target);
            }

            @Override
            public CmlLicensing licensing(CmlTarget target) {
                meet(allFourStarted);
                return super.licensing(target);
            }

            @Override
            public CmlLabs labs(CmlTarget target, boolean includeStates) {
                meet(allFourStarted);
                return super.labs(target, includeStates);
            }
        };
        WorkerRef worker = runningWorker(1, "eu-west-1");
        WorkerRefreshPipeline pipeline = app.pipeline(together, IdleStopSettings.defaults(), cmlCalls);

        RefreshOutcome outcome = pipeline.refresh(worker, RefreshTrigger.SCHEDULED, "monitoring");

        assertThat(outcome.stages()).filteredOn(stage -> stage.stage().name().startsWith("CML_"))
                .hasSize(4).allSatisfy(stage -> assertThat(stage.result()).isEqualTo(StageResult.RAN));
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new io.cmlfleet.application.port.cml.CmlAccessException(
                    io.cmlfleet.application.port.cml.CmlAccessException.Kind.TIMEOUT, "the other CML calls never"
                    + " started: " + e.getClass().getSimpleName());
        }
    }
}
