package io.cmlfleet.adapters.cml;

import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlCredentials;
import io.cmlfleet.application.port.cml.CmlCredentialsProvider;
import io.cmlfleet.application.port.cml.CmlTarget;

import java.util.Map;
import java.util.Optional;

/**
 * Credentials from configuration: one pair per worker, falling back to a fleet-wide pair. Use a
 * secret-store implementation of {@link CmlCredentialsProvider} instead when passwords must not sit in
 * configuration files.
 */
public final class StaticCmlCredentialsProvider implements CmlCredentialsProvider {

    private final CmlCredentials fleetDefault;
    private final Map<String, CmlCredentials> byWorkerId;

    /**
     * @param fleetDefault credentials for workers without their own entry; may be null
     * @param byWorkerId   worker id to credentials
     */
    public StaticCmlCredentialsProvider(CmlCredentials fleetDefault, Map<String, CmlCredentials> byWorkerId) {
        this.fleetDefault = fleetDefault;
        this.byWorkerId = Map.copyOf(byWorkerId == null ? Map.of() : byWorkerId);
    }

    public static StaticCmlCredentialsProvider forWholeFleet(CmlCredentials credentials) {
        return new StaticCmlCredentialsProvider(credentials, Map.of());
    }

    @Override
    public CmlCredentials credentialsFor(CmlTarget target) {
        return Optional.ofNullable(byWorkerId.get(target.workerId()))
                .or(() -> Optional.ofNullable(fleetDefault))
                .orElseThrow(() -> new CmlAccessException(CmlAccessException.Kind.BAD_CREDENTIALS,
                        "no CML credentials configured for worker " + target.workerId()));
    }
}
