package io.cmlfleet.application.forensics;

import io.cmlfleet.domain.worker.RefreshGateDecision;
import java.util.List;

/**
 * The refresh gate's decision at one moment, in its own words: would a refresh then have run the health check, and
 * queried the CML API, and if not, why not.
 *
 * @param runHealthCheck      whether the health check would run
 * @param healthCheckBlockers why not; empty when it would
 * @param queryCmlApi         whether the CML API would be queried
 * @param cmlQueryBlockers    why not; empty when it would
 */
public record GateExplanation(
        boolean runHealthCheck,
        List<String> healthCheckBlockers,
        boolean queryCmlApi,
        List<String> cmlQueryBlockers) {

    public GateExplanation {
        healthCheckBlockers = List.copyOf(healthCheckBlockers);
        cmlQueryBlockers = List.copyOf(cmlQueryBlockers);
    }

    public static GateExplanation of(RefreshGateDecision decision) {
        return new GateExplanation(decision.runHealthCheck(), decision.healthCheckBlockers(),
                decision.queryCmlApi(), decision.cmlQueryBlockers());
    }
}
