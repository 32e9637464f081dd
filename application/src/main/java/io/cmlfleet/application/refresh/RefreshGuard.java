package io.cmlfleet.application.refresh;

import io.cmlfleet.domain.worker.RefreshTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps refreshes of one worker apart: never two at once (scheduled or on demand), and on-demand refreshes not more
 * often than a minimum interval after the last one finished. The guard is per node: scheduled refreshes
 * come from deadlines, which fire once across nodes; an on-demand refresh asked of another node than the one running
 * the worker's scheduled refresh is not held back by this guard.
 */
public class RefreshGuard {

    private final Map<String, Instant> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastFinished = new ConcurrentHashMap<>();
    private final Duration onDemandMinInterval;
    private final Clock clock;

    public RefreshGuard(Duration onDemandMinInterval, Clock clock) {
        this.onDemandMinInterval = onDemandMinInterval;
        this.clock = clock;
    }

    /**
     * Claims the worker for a refresh. Returns why not when it may not run now; when it may, the caller must call
     * {@link #finish(String)} once the refresh ends.
     */
    public Optional<String> tryStart(String workerId, RefreshTrigger trigger) {
        Instant now = clock.instant();
        Instant running = inFlight.putIfAbsent(workerId, now);
        if (running != null) {
            return Optional.of("a refresh of worker " + workerId + " is already in flight (started " + running + ")");
        }
        Instant finished = lastFinished.get(workerId);
        if (trigger == RefreshTrigger.ON_DEMAND && finished != null
                && finished.plus(onDemandMinInterval).isAfter(now)) {
            inFlight.remove(workerId);
            long agoMillis = Duration.between(finished, now).toMillis();
            return Optional.of("worker " + workerId + " was refreshed " + agoMillis / 1000.0 + " s ago;"
                    + " on-demand refreshes are at least " + onDemandMinInterval.toSeconds() + " s apart");
        }
        return Optional.empty();
    }

    public void finish(String workerId) {
        lastFinished.put(workerId, clock.instant());
        inFlight.remove(workerId);
    }
}
