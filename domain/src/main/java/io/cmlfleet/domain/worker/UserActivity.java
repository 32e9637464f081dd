package io.cmlfleet.domain.worker;

import java.time.Instant;

/**
 * The latest user-driven action a controller's telemetry showed, as a refresh read it (system users and
 * non-user categories already left out).
 *
 * @param category CML's telemetry category, e.g. {@code start_lab}
 * @param user     the CML user who acted
 * @param at       when CML says it happened
 */
public record UserActivity(String category, String user, Instant at) {
}
