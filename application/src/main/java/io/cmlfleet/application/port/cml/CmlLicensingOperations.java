package io.cmlfleet.application.port.cml;

import io.cmlfleet.domain.worker.LicenceFacts;

/**
 * The whole Smart Licensing state of a CML controller ({@code GET /licensing}): registration and authorization with
 * their expiries and last renewals, product licence, smart and virtual account; and the licence operations
 * (the calls of virl2-client's {@code Licensing}). Apart from {@link CmlControllerClient#licensing(CmlTarget)},
 * whose short record the refresh keeps using.
 *
 * <p>CML accepts each operation at once (204) and performs it against Cisco's servers in the background; the outcome
 * is read from {@link #licenceProgress(CmlTarget)}. A call CML refuses is a {@link CmlAccessException} of kind
 * {@link CmlAccessException.Kind#REJECTED} with CML's description.
 */
public interface CmlLicensingOperations {

    LicenceFacts licenceDetails(CmlTarget target) throws CmlAccessException;

    /** {@code GET /licensing} with the last registration attempt ({@code registration.register_time}). */
    CmlLicenceProgress licenceProgress(CmlTarget target) throws CmlAccessException;

    /** {@code POST /licensing/registration} with {@code {"token", "reregister"}}. */
    void register(CmlTarget target, RegistrationToken token, boolean reregister) throws CmlAccessException;

    /** {@code PUT /licensing/authorization/renew}. */
    void renewAuthorization(CmlTarget target) throws CmlAccessException;

    /** {@code PUT /licensing/registration/renew}. */
    void renewRegistration(CmlTarget target) throws CmlAccessException;

    /** {@code DELETE /licensing/deregistration}: 204, or 200/202 with CML's status text. */
    CmlDeregistration deregister(CmlTarget target) throws CmlAccessException;
}
