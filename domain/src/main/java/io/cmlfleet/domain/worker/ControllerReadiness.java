package io.cmlfleet.domain.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a CML controller that answers can also run labs: its compute hosts, its own checks and its launch queue,
 * as the health check read them. {@link ControllerReadinessRule} judges them.
 *
 * @param computes         {@code system_health.computes}; null when CML did not report them
 * @param controllerChecks {@code system_health.controller} booleans ({@code core_connected}, {@code nodes_loaded},
 *                         {@code images_loaded}, {@code valid}); empty when not reported
 * @param launchQueue      the node launch queue, or null when it could not be read (older CML, not an admin)
 */
public record ControllerReadiness(List<ComputeReadiness> computes, Map<String, Boolean> controllerChecks,
                                  LaunchQueue launchQueue) {

    public ControllerReadiness {
        computes = computes == null ? null : List.copyOf(computes);
        controllerChecks = controllerChecks == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(controllerChecks));
    }
}
