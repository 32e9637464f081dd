package io.cmlfleet.bootstrap.observability;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The CML controllers as the refreshes found them, from the last health check of each (within the last
 * {@link ExternalCallOutcomes#CONTROLLER_MEMORY}); makes no call itself. UNKNOWN when none was checked; DOWN when
 * none of the checked controllers answered (a network or TLS problem on cmlfleet's side, most likely); UP when at
 * least one did. A single worker being down is a worker's problem, shown in the details and the read model.
 */
class CmlReachabilityHealthIndicator extends AbstractHealthIndicator {

    private final ExternalCallOutcomes outcomes;

    CmlReachabilityHealthIndicator(ExternalCallOutcomes outcomes) {
        super("CML reachability cannot be told");
        this.outcomes = outcomes;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, CallOutcome> checks = outcomes.recentHealthChecks();
        if (checks.isEmpty()) {
            builder.unknown().withDetail("reason", "no CML controller checked recently");
            return;
        }
        long reachable = checks.values().stream().filter(CallOutcome::reached).count();
        Map<String, String> unreachable = new TreeMap<>();
        checks.forEach((workerId, outcome) -> {
            if (!outcome.reached()) {
                unreachable.put(workerId, outcome.outcome() + (outcome.detail() == null ? "" : ": "
                        + outcome.detail()));
            }
        });
        (reachable > 0 ? builder.up() : builder.down())
                .withDetail("controllersChecked", checks.size())
                .withDetail("controllersReachable", reachable)
                .withDetail("unreachable", unreachable)
                .withDetail("lastCall", ServiceOutcomeDetails.of(outcomes, ExternalService.CML));
    }
}
