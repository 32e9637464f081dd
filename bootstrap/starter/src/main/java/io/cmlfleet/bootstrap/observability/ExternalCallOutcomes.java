package io.cmlfleet.bootstrap.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last outcome of the calls cmlfleet made to each outside service, and of the last health check of each CML
 * controller: what the reachability health indicators report. Health checks thereby cost nothing (no AWS call is
 * paid for, nothing blocks) and say what the application actually experienced.
 */
public class ExternalCallOutcomes {

    /** Controllers not checked for this long are forgotten (terminated or removed workers). */
    static final Duration CONTROLLER_MEMORY = Duration.ofMinutes(30);

    private final Clock clock;
    private final Map<ExternalService, CallOutcome> lastByService = new ConcurrentHashMap<>();
    private final Map<ExternalService, CallOutcome> lastSuccessByService = new ConcurrentHashMap<>();
    private final Map<ExternalService, CallOutcome> lastFailureByService = new ConcurrentHashMap<>();
    private final Map<String, CallOutcome> lastHealthCheckByWorker = new ConcurrentHashMap<>();

    public ExternalCallOutcomes(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public void record(ExternalService service, CallOutcome outcome) {
        lastByService.put(service, outcome);
        (outcome.succeeded() ? lastSuccessByService : lastFailureByService).put(service, outcome);
    }

    /** The outcome of a CML health check of one worker's controller. */
    public void recordHealthCheck(String workerId, CallOutcome outcome) {
        lastHealthCheckByWorker.put(workerId, outcome);
    }

    public Optional<CallOutcome> last(ExternalService service) {
        return Optional.ofNullable(lastByService.get(service));
    }

    public Optional<CallOutcome> lastSuccess(ExternalService service) {
        return Optional.ofNullable(lastSuccessByService.get(service));
    }

    public Optional<CallOutcome> lastFailure(ExternalService service) {
        return Optional.ofNullable(lastFailureByService.get(service));
    }

    /** The last health check of every controller checked within {@link #CONTROLLER_MEMORY}. */
    public Map<String, CallOutcome> recentHealthChecks() {
        Instant oldest = clock.instant().minus(CONTROLLER_MEMORY);
        lastHealthCheckByWorker.values().removeIf(outcome -> outcome.at().isBefore(oldest));
        return Map.copyOf(lastHealthCheckByWorker);
    }

    /** A snapshot per service, for diagnostics. */
    public Map<ExternalService, CallOutcome> lastByService() {
        Map<ExternalService, CallOutcome> snapshot = new EnumMap<>(ExternalService.class);
        snapshot.putAll(lastByService);
        return snapshot;
    }
}
