package io.cmlfleet.application.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.lifecycle.IdleStopSettings;
import io.cmlfleet.application.metrics.MonitoringMetrics;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.RefreshTrigger;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The refresh executor on the real pipeline and aggregate: the caller only hands a worker over, a worker with a slow
 * controller holds one lane thread and delays no other worker (even on one refresh thread), workers whose controllers
 * were slow take turns in the slow lane and come back once they answer in time, one refresh per worker is queued or
 * running, and stopping waits for running refreshes without interrupting them.
 */
class RefreshExecutorTest {

    private static final String SLOW_IP = "54.194.252.215";
    private static final String FAST_IP = "54.194.252.216";

    private static final Duration SLOW_AFTER = Duration.ofMillis(500);
    /** Longer than {@link #SLOW_AFTER}: a controller this slow moves its worker to the slow lane. */
    private static final long SLOW_ANSWER_MILLIS = 700;
    private static final Set<String> SLOW_IPS = Set.of("54.194.252.210", "54.194.252.211");

    private enum Mode { ANSWER_SLOWLY, HANG_UNTIL_RELEASED, ANSWER_AT_ONCE }

    private final RefreshTestApp app = new RefreshTestApp();
    private final AtomicInteger slowHealthChecksStarted = new AtomicInteger();
    private volatile Mode slowControllers = Mode.ANSWER_SLOWLY;
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
    void slowControllersTakeTurnsInTheirOwnLaneWhileTheOthersAreRefreshed() throws Exception {
        executor = laneExecutor();
        WorkerRef slowOne = running("w-slow-1", "i-0123456789abcdef0", "54.194.252.210");
        WorkerRef slowTwo = running("w-slow-2", "i-0123456789abcdef1", "54.194.252.211");
        List<WorkerRef> others = List.of(
                running("w-fast-1", "i-0123456789abcdef2", "54.194.252.220"),
                running("w-fast-2", "i-0123456789abcdef3", "54.194.252.221"),
                running("w-fast-3", "i-0123456789abcdef4", "54.194.252.222"));

        assertThat(refresh(slowOne).performed()).isTrue();
        assertThat(refresh(slowTwo).performed()).isTrue();
        assertThat(executor.slowControllers()).as("workers in the slow lane").isEqualTo(2);

        slowControllers = Mode.HANG_UNTIL_RELEASED;
        CompletableFuture<RefreshOutcome> hangingOne = request(slowOne);
        CompletableFuture<RefreshOutcome> hangingTwo = request(slowTwo);
        for (WorkerRef other : others) {
            assertThat(refresh(other).performed()).as("refresh of %s", other.workerId()).isTrue();
        }
        assertThat(hangingOne).isNotDone();
        assertThat(hangingTwo).isNotDone();
        assertThat(slowHealthChecksStarted).as("slow controllers asked at once, in a slow lane one wide").hasValue(
                3);

        slowControllers = Mode.ANSWER_AT_ONCE;
        releaseSlow.countDown();
        assertThat(hangingOne.get(10, TimeUnit.SECONDS).performed()).isTrue();
        assertThat(hangingTwo.get(10, TimeUnit.SECONDS).performed()).isTrue();
        assertThat(refresh(slowOne).performed()).isTrue();
        assertThat(refresh(slowTwo).performed()).isTrue();
        assertThat(executor.slowControllers()).as("workers in the slow lane once their controllers answer in time")
                .isZero();
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
        // The controller's answer came after the wait: nothing more is recorded, the deadline brings it back.
        assertThat(slowRefresh.get(10, TimeUnit.SECONDS).skippedBecause()).isEqualTo("cmlfleet is shutting down");
        assertThat(slowWasInterrupted).isFalse();
    }

    private RefreshOutcome refresh(WorkerRef worker) throws Exception {
        return request(worker).get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<RefreshOutcome> request(WorkerRef worker) {
        return executor.request(worker, RefreshTrigger.SCHEDULED, "monitoring");
    }

    private RefreshExecutor laneExecutor() {
        FakeCmlController controller = new FakeCmlController() {
            @Override
            public CmlHealthReport evaluateHealth(CmlTarget target) {
                if (SLOW_IPS.contains(target.endpoint().getHost())) {
                    slowHealthChecksStarted.incrementAndGet();
                    behaveAs(slowControllers);
                }
                return available();
            }
        };
        // One refresh thread, a regular lane of two and a slow lane of one; no batching, every refresh runs at once.
        return new RefreshExecutor(app.pipeline(controller, IdleStopSettings.defaults()),
                new RefreshGuard(Duration.ofSeconds(10), app.clock), MonitoringMetrics.none(),
                new RefreshExecutionSettings(1, Duration.ofSeconds(5), Duration.ZERO, 2, SLOW_AFTER));
    }

    private void behaveAs(Mode mode) {
        try {
            switch (mode) {
                // A slow controller, in real time: what the lanes measure.
                case ANSWER_SLOWLY -> Thread.sleep(SLOW_ANSWER_MILLIS);
                case HANG_UNTIL_RELEASED -> releaseSlow.await(30, TimeUnit.SECONDS);
                case ANSWER_AT_ONCE -> {
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
