package io.cmlfleet.adapters.aws;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.CloudAccessException.Kind;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.InventoryBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers single-instance describes that arrive within a short window into one batched describe per region.
 * Refresh ticks ask per worker; without this, a fleet of N workers would cost N DescribeInstances calls and
 * quickly hit EC2's per-account request token bucket.
 */
final class DescribeCoalescer {

    private static final Logger log = LoggerFactory.getLogger(DescribeCoalescer.class);
    private static final String OPERATION = "DescribeInstances";

    /** Threads the coalescer runs on: a timer that closes windows and workers that make the batched calls. */
    record Scheduling(ScheduledExecutorService timer, ExecutorService workers, Duration window) {
    }

    private final BiFunction<String, Collection<String>, InventoryBatch> batchDescribe;
    private final Scheduling scheduling;
    private final int maxBatchSize;
    private final Map<String, PendingBatch> pendingByRegion = new HashMap<>();

    DescribeCoalescer(BiFunction<String, Collection<String>, InventoryBatch> batchDescribe,
                      Scheduling scheduling, int maxBatchSize) {
        this.batchDescribe = batchDescribe;
        this.scheduling = scheduling;
        this.maxBatchSize = maxBatchSize;
    }

    CompletableFuture<InstanceSnapshot> describe(String region, String instanceId) {
        CompletableFuture<InstanceSnapshot> answer = new CompletableFuture<>();
        String key = region == null ? "" : region;
        PendingBatch full = null;
        synchronized (pendingByRegion) {
            PendingBatch pending = pendingByRegion.get(key);
            if (pending == null) {
                pending = new PendingBatch(region);
                pendingByRegion.put(key, pending);
                PendingBatch opened = pending;
                try {
                    scheduling.timer().schedule(() -> flush(key, opened),
                            scheduling.window().toNanos(), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    pendingByRegion.remove(key);
                    return CompletableFuture.failedFuture(closed(region));
                }
            }
            pending.waiters.computeIfAbsent(instanceId, id -> new ArrayList<>()).add(answer);
            if (pending.waiters.size() >= maxBatchSize) {
                // A full batch gains nothing from waiting; the next caller opens a new window.
                pendingByRegion.remove(key);
                full = pending;
            }
        }
        if (full != null) {
            submit(full);
        }
        return answer;
    }

    private void flush(String key, PendingBatch batch) {
        synchronized (pendingByRegion) {
            if (pendingByRegion.get(key) != batch) {
                return; // already sent because it filled up
            }
            pendingByRegion.remove(key);
        }
        submit(batch);
    }

    private void submit(PendingBatch batch) {
        try {
            scheduling.workers().execute(() -> run(batch));
        } catch (RejectedExecutionException e) {
            batch.failAll(closed(batch.region));
        }
    }

    private void run(PendingBatch batch) {
        log.debug("Coalesced {} single-instance describes in {} into one batch", batch.waiters.size(), batch.region);
        try {
            InventoryBatch result = batchDescribe.apply(batch.region, batch.waiters.keySet());
            batch.waiters.forEach((id, futures) -> {
                InstanceSnapshot snapshot = result.instances().get(id);
                if (snapshot != null) {
                    futures.forEach(f -> f.complete(snapshot));
                } else {
                    CloudAccessException unknown = new CloudAccessException(Kind.UNKNOWN_INSTANCE, batch.region,
                            OPERATION, null, OPERATION + " in " + batch.region + ": instance " + id + " not found");
                    futures.forEach(f -> f.completeExceptionally(unknown));
                }
            });
        } catch (RuntimeException e) {
            batch.failAll(AwsErrorTranslator.translate(e, batch.region, OPERATION));
        }
    }

    /** Fails every describe still waiting for its window; used on close. */
    void failPending() {
        List<PendingBatch> abandoned;
        synchronized (pendingByRegion) {
            abandoned = new ArrayList<>(pendingByRegion.values());
            pendingByRegion.clear();
        }
        abandoned.forEach(batch -> batch.failAll(closed(batch.region)));
    }

    private static CloudAccessException closed(String region) {
        return new CloudAccessException(Kind.FAILED, region, OPERATION, null,
                OPERATION + " in " + region + ": the AWS adapter is closed");
    }

    private static final class PendingBatch {
        private final String region;
        private final Map<String, List<CompletableFuture<InstanceSnapshot>>> waiters = new LinkedHashMap<>();

        private PendingBatch(String region) {
            this.region = region;
        }

        private void failAll(CloudAccessException failure) {
            waiters.values().forEach(futures -> futures.forEach(f -> f.completeExceptionally(failure)));
        }
    }
}
