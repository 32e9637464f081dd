package io.cmlfleet.domain.worker;

/**
 * What an operator can do to a controller's Smart Licensing, each one CML REST call (the calls of virl2-client's
 * {@code Licensing}). CML answers them at once and does the work against Cisco's licensing servers (CSSM) in the
 * background, which is why the outcome is only known after polling {@code GET /licensing}.
 */
public enum LicenceOperation {
    /** {@code POST /licensing/registration} with the registration token. */
    REGISTER("registration"),
    /** {@code PUT /licensing/authorization/renew}. */
    RENEW_AUTHORIZATION("authorization renewal"),
    /** {@code PUT /licensing/registration/renew}. */
    RENEW_REGISTRATION("registration renewal"),
    /** {@code DELETE /licensing/deregistration}. */
    DEREGISTER("deregistration");

    private final String noun;

    LicenceOperation(String noun) {
        this.noun = noun;
    }

    /** The noun for the timeline: "licence registration requested by alice". */
    public String noun() {
        return noun;
    }
}
