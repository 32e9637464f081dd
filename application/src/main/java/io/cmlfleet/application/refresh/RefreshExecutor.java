package io.cmlfleet.application.refresh;

import io.cmlfleet.application.concurrent.DaemonThreads;
import io.cmlfleet.application.metrics.MonitoringMetrics;
import io.cmlfleet.domain.worker.RefreshTrigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs refreshes on threads of its own: a deadline or a command only hands the worker over and returns. At most one
 * refresh per worker is queued or running ({@link RefreshGuard}). The {@code parallelism} refresh threads observe
 * AWS and send the pipeline's commands, as top-level commands, never nested in another command's handler, so no
 * command thread waits for another (the deadlock of nested commands on Axon Server). The waiting for a CML controller
 * happens in {@link ControllerLanes}, where a slow controller holds a lane thread that does nothing else, and slow
 * controllers take turns in a lane of their own: no slow or failing controller delays another worker's refresh.
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

    /**
     * Work on a refresh thread for some requests. A continuation finishes a refresh whose controller answered; it
     * still runs while stopping, the others are dropped.
     */
    private record Step(List<Request> requests, boolean continuation, Runnable work) implements Runnable {
        @Override
        public void run() {
            work.run();
        }
    }

    private final WorkerRefreshPipeline pipeline;
    private final RegionObserver observer;
    private final RefreshGuard guard;
    private final MonitoringMetrics metrics;
    private final RefreshExecutionSettings settings;
    private final ThreadPoolExecutor pool;
    private final ControllerLanes lanes;
    private final RefreshBatcher<Request> batcher;
    private volatile boolean stopping;

    public RefreshExecutor(WorkerRefreshPipeline pipeline, RefreshGuard guard, MonitoringMetrics metrics,
                           RefreshExecutionSettings settings) {
        this.pipeline = pipeline;
        this.observer = pipeline.regionObserver();
        this.guard = guard;
        this.metrics = metrics;
        this.settings = settings;
        this.pool = new ThreadPoolExecutor(settings.parallelism(), settings.parallelism(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named("cmlfleet-refresh"));
        this.lanes = new ControllerLanes(settings.controllerParallelism(), settings.slowControllerAfter());
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
        if (trigger == RefreshTrigger.SCHEDULED && !settings.batchWindow().isZero() && !stopping) {
            try {
                batcher.add(worker.region(), request);
            } catch (RejectedExecutionException closed) {
                abandon(request);
            }
        } else {
            start(List.of(request), () -> begin(request, null));
        }
        return request.answer();
    }

    /** Workers whose controller is slow at the moment (their refreshes wait in the slow lane). */
    public int slowControllers() {
        return lanes.slowControllers();
    }

    /** A gathered batch: observed in one go on a refresh thread, then each worker refreshed on its own. */
    private void dispatch(String region, List<Request> batch) {
        start(batch, () -> observeAndRefresh(region, batch));
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
            start(List.of(request), () -> begin(request, observation));
        }
    }

    /** The EC2 step on a refresh thread; then the controller step in its lane, or the last step at once. */
    private void begin(Request request, CloudObservation observation) {
        RefreshRun run;
        try {
            run = pipeline.begin(request.worker(), request.trigger(), request.requestedBy(), observation);
            if (!pipeline.needsController(run)) {
                pipeline.askController(run); // records the skipped controller stages, calls nothing
                complete(request, pipeline.finish(run), null);
                return;
            }
        } catch (RuntimeException e) {
            complete(request, null, e);
            return;
        }
        lanes.submit(request.worker().workerId(), () -> askController(request, run), () -> abandon(request));
    }

    /** The controller step in a lane thread; the last step goes back to a refresh thread. */
    private void askController(Request request, RefreshRun run) {
        try {
            pipeline.askController(run);
        } catch (RuntimeException e) {
            complete(request, null, e);
            return;
        }
        execute(new Step(List.of(request), true, () -> finish(request, run)));
    }

    private void finish(Request request, RefreshRun run) {
        RefreshOutcome outcome = null;
        RuntimeException failure = null;
        try {
            outcome = pipeline.finish(run);
        } catch (RuntimeException e) {
            failure = e;
        }
        complete(request, outcome, failure);
    }

    private void start(List<Request> requests, Runnable work) {
        if (stopping) {
            requests.forEach(this::abandon);
        } else {
            execute(new Step(requests, false, work));
        }
    }

    private void execute(Step step) {
        try {
            pool.execute(step);
        } catch (RejectedExecutionException stopped) {
            step.requests().forEach(this::abandon);
        }
    }

    private void complete(Request request, RefreshOutcome outcome, RuntimeException failure) {
        guard.finish(request.worker().workerId());
        String result = outcome == null ? "failed" : outcome.performed() ? "performed" : "skipped";
        metrics.refreshFinished(request.trigger(), result, elapsedSince(request.requestedAt()));
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

    /**
     * Lets running refreshes finish within the shutdown wait, those whose controller already answered included;
     * queued ones are dropped (each answered as skipped); nothing is interrupted.
     */
    @Override
    public void close() {
        stopping = true;
        long deadline = System.nanoTime() + settings.shutdownWait().toNanos();
        List<Request> dropped = new ArrayList<>(batcher.closeAndDrain());
        for (Runnable queued : new ArrayList<>(pool.getQueue())) {
            Step step = (Step) queued;
            if (!step.continuation() && pool.remove(step)) {
                dropped.addAll(step.requests());
            }
        }
        dropped.forEach(this::abandon);
        int droppedInLanes = lanes.stop();
        try {
            boolean lanesDone = lanes.awaitStopped(Math.max(0, deadline - System.nanoTime()));
            pool.shutdown();
            boolean refreshesDone = pool.awaitTermination(Math.max(0, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
            if (!lanesDone || !refreshesDone) {
                LOG.warn("Stopping with {} refresh(es) still running after {}; they are abandoned, not interrupted,"
                        + " and run again after the restart", pool.getActiveCount() + lanes.active(),
                        settings.shutdownWait());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dropped.size() + droppedInLanes > 0) {
            LOG.info("Stopping: {} queued refresh(es) dropped; their deadlines bring them back after the restart",
                    dropped.size() + droppedInLanes);
        }
    }
}
