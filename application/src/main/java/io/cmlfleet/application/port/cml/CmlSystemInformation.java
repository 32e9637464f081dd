package io.cmlfleet.application.port.cml;

/**
 * What {@code GET /system_information} tells without logging in.
 *
 * @param version the controller version, e.g. {@code 2.9.1+build.7}; null if the controller did not say
 * @param ready   whether the controller reports itself ready (false while it boots, or if not reported)
 */
public record CmlSystemInformation(String version, boolean ready) {
}
