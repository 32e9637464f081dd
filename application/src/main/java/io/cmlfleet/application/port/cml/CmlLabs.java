package io.cmlfleet.application.port.cml;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The labs on a controller.
 *
 * @param count        number of labs
 * @param labIds       their ids, in the order the controller listed them
 * @param stateByLabId lab id to state (e.g. STARTED, STOPPED, DEFINED_ON_CORE); empty unless states were requested
 */
public record CmlLabs(int count, List<String> labIds, Map<String, String> stateByLabId) {

    public CmlLabs {
        labIds = List.copyOf(Objects.requireNonNull(labIds, "labIds"));
        stateByLabId = Map.copyOf(Objects.requireNonNull(stateByLabId, "stateByLabId"));
        if (count != labIds.size()) {
            throw new IllegalArgumentException("count " + count + " does not match " + labIds.size() + " lab ids");
        }
    }
}
