package io.cmlfleet.application.port.cml;

/**
 * Where CML credentials come from: static configuration, or a secret store plugged in behind this
 * port. Asked on every (re-)authentication, so a rotated secret is picked up at the next login.
 */
@FunctionalInterface
public interface CmlCredentialsProvider {

    /**
     * Credentials for the controller of one worker.
     *
     * @throws CmlAccessException of kind {@link CmlAccessException.Kind#BAD_CREDENTIALS} when none are
     *                            configured for the target
     */
    CmlCredentials credentialsFor(CmlTarget target) throws CmlAccessException;
}
