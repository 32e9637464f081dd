package io.cmlfleet.application.refresh;

import io.cmlfleet.application.metrics.MonitoringMetrics;
import io.cmlfleet.domain.worker.RefreshTrigger;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs refreshes on a pool of its own, {@code parallelism} at a time: a deadline or a command only hands the worker
 * over and returns. At most one refresh per worker is queued or running ({@link RefreshGuard}), so a worker whose
 * controller is slow holds one thread for its own refresh and delays no other worker's. The pipeline's commands are
 * sent from these threads as top-level commands, never nested in another command's handler, so no command thread
 * waits for another (the deadlock of nested commands on Axon Server).
 */
public final class RefreshExecutor implements RefreshRequests, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshExecutor.class);

    private final WorkerRefreshPipeline pipeline;
    private final RefreshGuard guard;
    private final MonitoringMetrics metrics;
    private final RefreshExecutionSettings settings;
    private final ThreadPoolExecutor pool;

    public RefreshExecutor(WorkerRefreshPipeline pipeline, RefreshGuard guard, MonitoringMetrics metrics,
                           RefreshExecutionSettings settings) {
        this.pipeline = pipeline;
        this.guard = guard;
        this.metrics = metrics;
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(settings.parallelism(), settings.parallelism(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "cmlfleet-refresh-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public CompletableFuture<RefreshOutcome> request(WorkerRef worker, RefreshTrigger trigger, String requestedBy) {
        long requestedAt = System.nanoTime();
        Optional<String> refusal = guard.tryStart(worker.workerId(), trigger);
        if (refusal.isPresent()) {
            LOG.info("Refresh of worker {} skipped: {}", worker.workerId(), refusal.get());
            metrics.refreshFinished(trigger, "skipped", elapsedSince(requestedAt));
            return CompletableFuture.completedFuture(RefreshOutcome.skipped(worker.workerId(), refusal.get()));
        }
        try {
            return CompletableFuture.supplyAsync(() -> run(worker, trigger, requestedBy, requestedAt), pool);
        } catch (RejectedExecutionException stopping) {
            guard.finish(worker.workerId());
            return CompletableFuture.completedFuture(RefreshOutcome.skipped(worker.workerId(),
                    "cmlfleet is shutting down"));
        }
    }

    private RefreshOutcome run(WorkerRef worker, RefreshTrigger trigger, String requestedBy, long requestedAt) {
        String result = "failed";
        try {
            RefreshOutcome outcome = pipeline.refresh(worker, trigger, requestedBy);
            result = outcome.performed() ? "performed" : "skipped";
            return outcome;
        } finally {
            guard.finish(worker.workerId());
            metrics.refreshFinished(trigger, result, elapsedSince(requestedAt));
        }
    }

    private static Duration elapsedSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /** Lets running refreshes finish within the shutdown wait; queued ones are dropped; nothing is interrupted. */
    @Override
    public void close() {
        pool.shutdown();
        int queued = pool.getQueue().size();
        pool.getQueue().clear();
        try {
            if (!pool.awaitTermination(settings.shutdownWait().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Stopping with {} refresh(es) still running after {}; they are abandoned, not interrupted,"
                        + " and run again after the restart", pool.getActiveCount(),
                        settings.shutdownWait());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (queued > 0) {
            LOG.info("Stopping: {} queued refresh(es) dropped; their deadlines bring them back after the restart",
                    queued);
        }
    }
}
