package io.cmlfleet.application.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.InvalidWorkerInputException;
import io.cmlfleet.domain.worker.RefreshTrigger;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operator's "Refresh" button and the monitoring deadline go through the same guarded command. */
class WorkerRefreshHandlerTest {

    private final RefreshTestApp app = new RefreshTestApp();

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void anOnDemandRefreshRunsNowAndAnswersWithTheOutcome() {
        WorkerRef worker = running();

        RefreshOutcome outcome = app.commands().sendAndWait(onDemand(worker));

        assertThat(outcome.performed()).isTrue();
        assertThat(outcome.gate().queryCmlApi()).isTrue();
        assertThat(app.events(worker.workerId(), RefreshCompleted.class)).singleElement()
                .extracting(RefreshCompleted::trigger).isEqualTo(RefreshTrigger.ON_DEMAND);
    }

    @Test
    void anOnDemandRefreshTooSoonAfterTheLastIsSkippedAndTheCallerIsToldWhy() {
        WorkerRef worker = running();
        app.commands().sendAndWait(onDemand(worker));
        app.clock.advance(Duration.ofSeconds(4));

        RefreshOutcome outcome = app.commands().sendAndWait(onDemand(worker));

        assertThat(outcome.performed()).isFalse();
        assertThat(outcome.skippedBecause())
                .isEqualTo("worker w-1 was refreshed 4.0 s ago; on-demand refreshes are at least 10 s apart");
        assertThat(app.events(worker.workerId(), RefreshCompleted.class)).hasSize(1);
    }

    @Test
    void afterTheMinimumIntervalAnOnDemandRefreshRunsAgain() {
        WorkerRef worker = running();
        app.commands().sendAndWait(onDemand(worker));
        app.clock.advance(Duration.ofSeconds(11));

        RefreshOutcome outcome = app.commands().sendAndWait(onDemand(worker));

        assertThat(outcome.performed()).isTrue();
    }

    @Test
    void aScheduledRefreshIsNotHeldBackByTheOnDemandInterval() {
        WorkerRef worker = running();
        app.commands().sendAndWait(onDemand(worker));
        app.clock.advance(Duration.ofSeconds(1));

        RefreshOutcome outcome = app.commands().sendAndWait(new RefreshWorker(worker.workerId(), worker.region(),
                worker.instanceId(), RefreshTrigger.SCHEDULED, "monitoring"));

        assertThat(outcome.performed()).isTrue();
    }

    @Test
    void aRefreshWhileAnotherOfTheSameWorkerIsInFlightIsSkipped() throws Exception {
        WorkerRef worker = running();
        CountDownLatch healthCheckStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CmlHealthReport healthy = FakeCmlController.available();
        FakeCmlController blocking = new FakeCmlController() {
            @Override
            public CmlHealthReport evaluateHealth(CmlTarget target) {
                healthCheckStarted.countDown();
                await(release);
                return healthy;
            }
        };
        RefreshGuard guard = new RefreshGuard(Duration.ofSeconds(10), app.clock);
        WorkerRefreshHandler handler = new WorkerRefreshHandler(new RefreshExecutor(app.pipeline(blocking,
                io.cmlfleet.application.lifecycle.IdleStopSettings.defaults()), guard,
                io.cmlfleet.application.metrics.MonitoringMetrics.none(), RefreshExecutionSettings.defaults()));

        CompletableFuture<RefreshOutcome> first = CompletableFuture.supplyAsync(() -> handler.handle(
                new RefreshWorker(worker.workerId(), worker.region(), worker.instanceId(), RefreshTrigger.SCHEDULED,
                        "monitoring")));
        assertThat(healthCheckStarted.await(10, TimeUnit.SECONDS)).isTrue();
        RefreshOutcome second = handler.handle(onDemand(worker));
        release.countDown();

        assertThat(second.performed()).isFalse();
        assertThat(second.skippedBecause()).startsWith("a refresh of worker w-1 is already in flight");
        assertThat(first.get(10, TimeUnit.SECONDS).performed()).isTrue();
    }

    @Test
    void aRefreshCommandWithABadInstanceIdIsRejectedNamingTheField() {
        assertThatThrownBy(() -> app.commands().sendAndWait(new RefreshWorker("w-1", "eu-west-1", "i-xyz",
                RefreshTrigger.ON_DEMAND, "alice")))
                .isInstanceOf(InvalidWorkerInputException.class)
                .hasMessageStartingWith("Invalid instanceId:");
    }

    private WorkerRef running() {
        WorkerRef worker = app.register("w-1", "eu-west-1", "i-0123456789abcdef0");
        app.ec2.put(worker.instanceId(), "running", 16, "54.194.252.215");
        return worker;
    }

    private static RefreshWorker onDemand(WorkerRef worker) {
        return new RefreshWorker(worker.workerId(), worker.region(), worker.instanceId(), RefreshTrigger.ON_DEMAND,
                "alice");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
