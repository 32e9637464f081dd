package io.cmlfleet.application.port.cml;

import java.time.Instant;

/**
 * The Smart Licensing state from {@code GET /licensing}. Any field is null when not reported.
 *
 * @param registrationStatus   {@code registration.status}, e.g. COMPLETED
 * @param authorizationStatus  {@code authorization.status}, e.g. IN_COMPLIANCE
 * @param productLicense       {@code product_license.active}, e.g. CML_Enterprise
 * @param registrationExpires  {@code registration.expires} (the controller sends UTC without a zone)
 * @param authorizationExpires {@code authorization.expires}: the date the licence must be renewed by
 * @param enterprise           {@code product_license.is_enterprise}
 */
public record CmlLicensing(
        String registrationStatus,
        String authorizationStatus,
        String productLicense,
        Instant registrationExpires,
        Instant authorizationExpires,
        Boolean enterprise) {
}
