package io.cmlfleet.application.refresh;

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
 * Gathers scheduled refreshes of one region for a short window and hands them on as one batch, so that their
 * instances are observed together. The monitoring saga puts every worker of a slot on the same instants
 * ({@code RefreshScheduleCalculator}), and their deadlines fire within one polling interval: a window of about that
 * length catches the whole slot. A batch that reaches {@link RegionObserver#MAX_BATCH} leaves at once.
 *
 * @param <T> a gathered request
 */
final class RefreshBatcher<T> {

    private final Duration window;
    private final int maxBatch;
    private final BiConsumer<String, List<T>> dispatch;
    private final ScheduledExecutorService timer;
    private final Map<String, List<T>> pendingByRegion = new HashMap<>();

    /** @param dispatch receives each batch with its region; it must not throw */
    RefreshBatcher(Duration window, int maxBatch, BiConsumer<String, List<T>> dispatch) {
        this.window = window;
        this.maxBatch = maxBatch;
        this.dispatch = dispatch;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cmlfleet-batcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @throws RejectedExecutionException when the batcher is closed */
    void add(String region, T request) {
        List<T> full = null;
        synchronized (pendingByRegion) {
            List<T> pending = pendingByRegion.get(region);
            if (pending == null) {
                List<T> opened = new ArrayList<>();
                timer.schedule(() -> flush(region, opened), window.toNanos(), TimeUnit.NANOSECONDS);
                pendingByRegion.put(region, opened);
                pending = opened;
            }
            pending.add(request);
            if (pending.size() >= maxBatch) {
                pendingByRegion.remove(region);
                full = pending;
            }
        }
        if (full != null) {
            dispatch.accept(region, full);
        }
    }

    private void flush(String region, List<T> batch) {
        synchronized (pendingByRegion) {
            if (pendingByRegion.get(region) != batch) {
                return; // it filled up and left already
            }
            pendingByRegion.remove(region);
        }
        dispatch.accept(region, batch);
    }

    /** Stops gathering; returns the requests still waiting for their window, for the caller to settle. */
    List<T> closeAndDrain() {
        timer.shutdownNow();
        List<T> waiting = new ArrayList<>();
        synchronized (pendingByRegion) {
            pendingByRegion.values().forEach(waiting::addAll);
            pendingByRegion.clear();
        }
        return waiting;
    }
}
