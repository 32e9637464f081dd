package io.cmlfleet.domain.worker;

import java.time.Instant;

/**
 * The Smart Licensing state of a CML controller, from the whole {@code GET /licensing} body (CML 2.9). Any part is
 * null when CML did not report it.
 *
 * @param registrationStatus   {@code registration.status}, e.g. COMPLETED
 * @param registrationExpires  {@code registration.expires}
 * @param registrationRenewal  {@code registration.renew_time}
 * @param authorizationStatus  {@code authorization.status}, e.g. IN_COMPLIANCE
 * @param authorizationExpires {@code authorization.expires}: the licence must be renewed by then
 * @param authorizationRenewal {@code authorization.renew_time}
 * @param productLicense       {@code product_license.active}, e.g. CML_Enterprise
 * @param enterprise           {@code product_license.is_enterprise}
 * @param smartAccount         {@code registration.smart_account}
 * @param virtualAccount       {@code registration.virtual_account}
 */
public record LicenceFacts(
        String registrationStatus,
        Instant registrationExpires,
        LicenceRenewal registrationRenewal,
        String authorizationStatus,
        Instant authorizationExpires,
        LicenceRenewal authorizationRenewal,
        String productLicense,
        Boolean enterprise,
        String smartAccount,
        String virtualAccount) {
}
