package io.cmlfleet.domain.worker;

/**
 * The licensing state a controller reported, as it is recorded: every text neutralised and bounded like other
 * adapter-reported text (a hostile failure text cannot forge a timeline line), dates as given.
 */
public final class LicenceInputRules {

    private static final int MAX_STATUS_LENGTH = 64;
    private static final int MAX_ACCOUNT_LENGTH = 255;

    private LicenceInputRules() {
    }

    public static LicenceFacts licence(String field, LicenceFacts licence) {
        WorkerInputRules.required(field, licence);
        return new LicenceFacts(bounded(licence.registrationStatus(), MAX_STATUS_LENGTH),
                licence.registrationExpires(), renewal(licence.registrationRenewal()),
                bounded(licence.authorizationStatus(), MAX_STATUS_LENGTH), licence.authorizationExpires(),
                renewal(licence.authorizationRenewal()), bounded(licence.productLicense(), MAX_STATUS_LENGTH),
                licence.enterprise(), bounded(licence.smartAccount(), MAX_ACCOUNT_LENGTH),
                bounded(licence.virtualAccount(), MAX_ACCOUNT_LENGTH));
    }

    /** A licensing status CML reported (COMPLETED, IN_COMPLIANCE...), neutralised and bounded; null stays null. */
    public static String status(String reported) {
        return bounded(reported, MAX_STATUS_LENGTH);
    }

    private static LicenceRenewal renewal(LicenceRenewal renewal) {
        return renewal == null ? null : new LicenceRenewal(bounded(renewal.status(), MAX_STATUS_LENGTH),
                WorkerInputRules.optionalText(renewal.failure()), renewal.attempted(), renewal.scheduled());
    }

    private static String bounded(String reported, int max) {
        String text = WorkerInputRules.optionalText(reported);
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
