package io.cmlfleet.application.refresh;

import io.cmlfleet.application.metrics.MonitoringMetrics;
import io.cmlfleet.domain.worker.RefreshTrigger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Scheduled refreshes are gathered per region for the batch window ({@link RefreshBatcher}); each batch is observed
 * in one go ({@link RegionObserver}) and its workers are then refreshed on that observation, so a fleet costs one
 * DescribeInstances per region and slot, not one per worker. On-demand refreshes run at once, alone.
 */
public final class RefreshExecutor implements RefreshRequests, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshExecutor.class);

    /** A refresh asked for and not yet finished. */
    private record Request(WorkerRef worker, RefreshTrigger trigger, String requestedBy, long requestedAt,
                           CompletableFuture<RefreshOutcome> answer) {
    }

    private final WorkerRefreshPipeline pipeline;
    private final RegionObserver observer;
    private final RefreshGuard guard;
    private final MonitoringMetrics metrics;
    private final RefreshExecutionSettings settings;
    private final ThreadPoolExecutor pool;
    private final RefreshBatcher<Request> batcher;

    public RefreshExecutor(WorkerRefreshPipeline pipeline, RefreshGuard guard, MonitoringMetrics metrics,
                           RefreshExecutionSettings settings) {
        this.pipeline = pipeline;
        this.observer = pipeline.regionObserver();
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
        this.batcher = new RefreshBatcher<>(settings.batchWindow(), RegionObserver.MAX_BATCH, this::dispatch);
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
        Request request = new Request(worker, trigger, requestedBy, requestedAt, new CompletableFuture<>());
        try {
            if (trigger == RefreshTrigger.SCHEDULED && !settings.batchWindow().isZero()) {
                batcher.add(worker.region(), request);
            } else {
                pool.execute(() -> run(request, null));
            }
        } catch (RejectedExecutionException stopping) {
            abandon(request);
        }
        return request.answer();
    }

    /** A gathered batch: observed in one go on a refresh thread, then each worker refreshed on its own thread. */
    private void dispatch(String region, List<Request> batch) {
        try {
            pool.execute(() -> observeAndRefresh(region, batch));
        } catch (RejectedExecutionException stopping) {
            batch.forEach(this::abandon);
        }
    }

    private void observeAndRefresh(String region, List<Request> batch) {
        Map<String, CloudObservation> observations;
        try {
            observations = observer.observe(region, batch.stream().map(r -> r.worker().instanceId()).toList());
        } catch (RuntimeException unexpected) {
            LOG.warn("Batched observation of {} workers in {} failed ({}); each is observed on its own",
                    batch.size(), region, unexpected.toString());
            observations = Map.of();
        }
        LOG.debug("Observed {} workers in {} in one batch", batch.size(), region);
        for (Request request : batch) {
            CloudObservation observation = observations.get(request.worker().instanceId());
            try {
                pool.execute(() -> run(request, observation));
            } catch (RejectedExecutionException stopping) {
                abandon(request);
            }
        }
    }

    private void run(Request request, CloudObservation observation) {
        RefreshOutcome outcome = null;
        RuntimeException failure = null;
        try {
            outcome = pipeline.refresh(request.worker(), request.trigger(), request.requestedBy(), observation);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            guard.finish(request.worker().workerId());
            String result = outcome == null ? "failed" : outcome.performed() ? "performed" : "skipped";
            metrics.refreshFinished(request.trigger(), result, elapsedSince(request.requestedAt()));
        }
        // Answered only once the guard is released, so a caller may ask again as soon as it has its answer.
        if (failure != null) {
            request.answer().completeExceptionally(failure);
        } else {
            request.answer().complete(outcome);
        }
    }

    private void abandon(Request request) {
        guard.finish(request.worker().workerId());
        request.answer().complete(RefreshOutcome.skipped(request.worker().workerId(), "cmlfleet is shutting down"));
    }

    private static Duration elapsedSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /** Lets running refreshes finish within the shutdown wait; queued ones are dropped; nothing is interrupted. */
    @Override
    public void close() {
        batcher.closeAndDrain().forEach(this::abandon);
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
