package io.cmlfleet.application.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.lifecycle.IdleStopSettings;
import io.cmlfleet.application.metrics.MonitoringMetrics;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.RefreshTrigger;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The refresh executor on the real pipeline and aggregate: the caller only hands a worker over, a worker with a slow
 * controller holds one thread and delays no other worker, one refresh per worker is queued or running, and stopping
 * waits for running refreshes without interrupting them.
 */
class RefreshExecutorTest {

    private static final String SLOW_IP = "54.194.252.215";
    private static final String FAST_IP = "54.194.252.216";

    private final RefreshTestApp app = new RefreshTestApp();
    private final CountDownLatch slowHealthCheckStarted = new CountDownLatch(1);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final AtomicBoolean slowWasInterrupted = new AtomicBoolean();
    private RefreshExecutor executor;

    @AfterEach
    void tearDown() {
        releaseSlow.countDown();
        if (executor != null) {
            executor.close();
        }
        app.close();
    }

    @Test
    void aSlowControllerHoldsOnlyItsOwnWorkerAndTheCallerNeverWaits() throws Exception {
        executor = executor(2, Duration.ofSeconds(5));
        WorkerRef slow = running("w-slow", "i-0123456789abcdef0", SLOW_IP);
        WorkerRef fast = running("w-fast", "i-0123456789abcdef1", FAST_IP);

        CompletableFuture<RefreshOutcome> slowRefresh = executor.request(slow, RefreshTrigger.SCHEDULED, "monitoring");
        assertThat(slowHealthCheckStarted.await(10, TimeUnit.SECONDS)).isTrue();
        RefreshOutcome fastOutcome = executor.request(fast, RefreshTrigger.SCHEDULED, "monitoring")
                .get(10, TimeUnit.SECONDS);
        RefreshOutcome again = executor.request(slow, RefreshTrigger.SCHEDULED, "monitoring").getNow(null);

        assertThat(fastOutcome.performed()).isTrue();
        assertThat(slowRefresh).isNotDone();
        assertThat(again).isNotNull();
        assertThat(again.performed()).isFalse();
        assertThat(again.skippedBecause()).startsWith("a refresh of worker w-slow is already in flight");

        releaseSlow.countDown();
        assertThat(slowRefresh.get(10, TimeUnit.SECONDS).performed()).isTrue();
    }

    @Test
    void stoppingWaitsBoundedlyAndNeverInterruptsARunningRefresh() throws Exception {
        executor = executor(1, Duration.ofMillis(200));
        WorkerRef slow = running("w-slow", "i-0123456789abcdef0", SLOW_IP);
        CompletableFuture<RefreshOutcome> slowRefresh = executor.request(slow, RefreshTrigger.SCHEDULED, "monitoring");
        assertThat(slowHealthCheckStarted.await(10, TimeUnit.SECONDS)).isTrue();

        executor.close();

        assertThat(slowRefresh).isNotDone();
        RefreshOutcome afterClose = executor.request(running("w-late", "i-0123456789abcdef2", FAST_IP),
                RefreshTrigger.SCHEDULED, "monitoring").get(1, TimeUnit.SECONDS);
        assertThat(afterClose.skippedBecause()).isEqualTo("cmlfleet is shutting down");
        releaseSlow.countDown();
        assertThat(slowRefresh.get(10, TimeUnit.SECONDS).performed()).isTrue();
        assertThat(slowWasInterrupted).isFalse();
    }

    private RefreshExecutor executor(int parallelism, Duration shutdownWait) {
        FakeCmlController controller = new FakeCmlController() {
            @Override
            public CmlHealthReport evaluateHealth(CmlTarget target) {
                if (target.endpoint().getHost().equals(SLOW_IP)) {
                    slowHealthCheckStarted.countDown();
                    try {
                        releaseSlow.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        slowWasInterrupted.set(true);
                        Thread.currentThread().interrupt();
                    }
                }
                return available();
            }
        };
        return new RefreshExecutor(app.pipeline(controller, IdleStopSettings.defaults()),
                new RefreshGuard(Duration.ofSeconds(10), app.clock), MonitoringMetrics.none(),
                new RefreshExecutionSettings(parallelism, shutdownWait));
    }

    private WorkerRef running(String workerId, String instanceId, String publicIp) {
        WorkerRef worker = app.register(workerId, "eu-west-1", instanceId);
        app.ec2.put(worker.instanceId(), "running", 16, publicIp);
        return worker;
    }
}
