package io.cmlfleet.application.port.cml;

import io.cmlfleet.domain.worker.LicenceFacts;

/**
 * The whole Smart Licensing state of a CML controller ({@code GET /licensing}): registration and authorization with
 * their expiries and last renewals, product licence, smart and virtual account. Apart from
 * {@link CmlControllerClient#licensing(CmlTarget)}, whose short record the refresh keeps using.
 */
public interface CmlLicensingOperations {

    LicenceFacts licenceDetails(CmlTarget target) throws CmlAccessException;
}
