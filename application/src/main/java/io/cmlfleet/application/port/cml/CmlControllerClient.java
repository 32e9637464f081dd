package io.cmlfleet.application.port.cml;

/**
 * Reads the state of a CML controller over its REST API. Every method except
 * {@link #evaluateHealth(CmlTarget)} reports failures as {@link CmlAccessException} and nothing else.
 */
public interface CmlControllerClient {

    /** Version and readiness; needs no login, so it works while credentials are wrong. */
    CmlSystemInformation systemInformation(CmlTarget target) throws CmlAccessException;

    /**
     * Decides whether the controller is AVAILABLE, ERROR or UNAVAILABLE. Never throws: failures become
     * a report with {@code reachable}/{@code valid} set accordingly and the reason in {@code error}.
     */
    CmlHealthReport evaluateHealth(CmlTarget target);

    /** Node counts and resource allocation summed over all computes. */
    CmlSystemStats systemStats(CmlTarget target) throws CmlAccessException;

    /** Smart Licensing registration and authorization. */
    CmlLicensing licensing(CmlTarget target) throws CmlAccessException;

    /**
     * The labs on the controller.
     *
     * @param includeStates also fetch each lab's state (one extra call per lab)
     */
    CmlLabs labs(CmlTarget target, boolean includeStates) throws CmlAccessException;
}
