package io.cmlfleet.application.port.cml;

import io.cmlfleet.domain.worker.LicenceFacts;
import io.cmlfleet.domain.worker.LicenceRenewal;

/**
 * The licensing state read while an operation is under way: the whole licence and CML's last registration attempt
 * ({@code registration.register_time}, whose {@code failure} holds CML's text when a registration failed).
 *
 * @param registerAttempt null when CML did not report one
 */
public record CmlLicenceProgress(LicenceFacts licence, LicenceRenewal registerAttempt) {
}
