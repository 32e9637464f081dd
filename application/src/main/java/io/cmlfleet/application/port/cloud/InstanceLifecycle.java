package io.cmlfleet.application.port.cloud;

import java.util.Map;

/** Launches, starts, stops, terminates and tags cloud instances. */
public interface InstanceLifecycle {

    /**
     * Launches exactly one instance.
     *
     * @return the state of the new instance as the provider reported it (normally {@code pending})
     * @throws CloudAccessException when the provider cannot be asked or refuses
     */
    InstanceSnapshot launch(String region, LaunchRequest request);

    /** @throws CloudAccessException when the provider cannot be asked or refuses */
    StateTransition start(String region, String instanceId);

    /** @throws CloudAccessException when the provider cannot be asked or refuses */
    StateTransition stop(String region, String instanceId);

    /** @throws CloudAccessException when the provider cannot be asked or refuses */
    StateTransition terminate(String region, String instanceId);

    /**
     * Adds or overwrites tags on an instance.
     *
     * @throws CloudAccessException when the provider cannot be asked or refuses
     */
    void createTags(String region, String instanceId, Map<String, String> tags);
}
