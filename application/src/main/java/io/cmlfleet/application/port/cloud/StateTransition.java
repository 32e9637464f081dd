package io.cmlfleet.application.port.cloud;

/**
 * The state change the provider reported for a start, stop or terminate.
 *
 * @param instanceId        the instance
 * @param previousStateName state before the call, e.g. {@code stopped}
 * @param previousStateCode EC2 code of the previous state
 * @param currentStateName  state right after the call, e.g. {@code pending}
 * @param currentStateCode  EC2 code of the current state
 */
public record StateTransition(
        String instanceId,
        String previousStateName,
        int previousStateCode,
        String currentStateName,
        int currentStateCode) {
}
