package io.cmlfleet.domain.worker;

/**
 * The answer to an EC2 observation: the endpoint the worker had before it, and the refresh gate on the state after
 * it. The pipeline needs both to say in its log whether the endpoint was auto-populated by this very observation.
 *
 * @param endpointBefore the HTTPS endpoint before the observation, or {@code null}
 * @param gate           the refresh gate on the resulting state
 */
public record Ec2ObservationResult(String endpointBefore, RefreshGateDecision gate) {

    /** Whether this observation gave the worker its endpoint (it had none before and has one now). */
    public boolean endpointPopulated() {
        return endpointBefore == null && gate.hasEndpoint();
    }
}
