package io.cmlfleet.application.refresh;

import io.cmlfleet.application.concurrent.DaemonThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Gathers scheduled refreshes of one region and hands them on as one batch, so that their instances are observed
 * together. The monitoring saga puts every worker of a slot on the same instants ({@code RefreshScheduleCalculator}),
 * and their deadlines fire in a burst. A batch leaves once no request of its region came for one window, or
 * {@link #MAX_WINDOWS} windows after it opened, or at once when it reaches {@link RegionObserver#MAX_BATCH}. Leaving
 * a fixed window after the first request would split a burst whose deadlines take longer than one window to fire
 * (a loaded node) into several batches, each costing its own describe and telemetry calls.
 *
 * @param <T> a gathered request
 */
final class RefreshBatcher<T> {

    /** The longest a batch waits, in windows, while its requests keep coming. */
    static final int MAX_WINDOWS = 5;

    /** Requests gathered for a region, and when the batch opened and last grew. */
    private static final class Pending<T> {
        final List<T> requests = new ArrayList<>();
        final long openedAt;
        long lastAddedAt;

        Pending(long now) {
            this.openedAt = now;
            this.lastAddedAt = now;
        }
    }

    private final Duration window;
    private final int maxBatch;
    private final BiConsumer<String, List<T>> dispatch;
    private final ScheduledExecutorService timer;
    private final Map<String, Pending<T>> pendingByRegion = new HashMap<>();

    /** @param dispatch receives each batch with its region; it must not throw */
    RefreshBatcher(Duration window, int maxBatch, BiConsumer<String, List<T>> dispatch) {
        this.window = window;
        this.maxBatch = maxBatch;
        this.dispatch = dispatch;
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cmlfleet-batcher"));
    }

    /** @throws RejectedExecutionException when the batcher is closed */
    void add(String region, T request) {
        List<T> full = null;
        long now = System.nanoTime();
        synchronized (pendingByRegion) {
            Pending<T> pending = pendingByRegion.get(region);
            if (pending == null) {
                Pending<T> opened = new Pending<>(now);
                timer.schedule(() -> due(region, opened), window.toNanos(), TimeUnit.NANOSECONDS);
                pendingByRegion.put(region, opened);
                pending = opened;
            }
            pending.requests.add(request);
            pending.lastAddedAt = now;
            if (pending.requests.size() >= maxBatch) {
                pendingByRegion.remove(region);
                full = pending.requests;
            }
        }
        if (full != null) {
            dispatch.accept(region, full);
        }
    }

    /** The batch leaves when it was quiet for a window or has waited its longest; otherwise it looks again later. */
    private void due(String region, Pending<T> batch) {
        long now = System.nanoTime();
        long windowNanos = window.toNanos();
        synchronized (pendingByRegion) {
            if (pendingByRegion.get(region) != batch) {
                return; // it filled up and left already
            }
            long quietUntil = batch.lastAddedAt + windowNanos;
            long latest = batch.openedAt + MAX_WINDOWS * windowNanos;
            if (now < quietUntil && now < latest) {
                timer.schedule(() -> due(region, batch), Math.min(quietUntil, latest) - now, TimeUnit.NANOSECONDS);
                return;
            }
            pendingByRegion.remove(region);
        }
        dispatch.accept(region, batch.requests);
    }

    /** Stops gathering; returns the requests still waiting for their window, for the caller to settle. */
    List<T> closeAndDrain() {
        timer.shutdownNow();
        List<T> waiting = new ArrayList<>();
        synchronized (pendingByRegion) {
            pendingByRegion.values().forEach(pending -> waiting.addAll(pending.requests));
            pendingByRegion.clear();
        }
        return waiting;
    }
}
