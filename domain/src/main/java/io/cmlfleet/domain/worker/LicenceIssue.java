package io.cmlfleet.domain.worker;

/** Something about a controller's licence that needs an operator, with the detail that says what and when. */
public record LicenceIssue(Kind kind, String detail) {

    public enum Kind {
        /** The last renewal of the authorization or the registration FAILED. */
        RENEWAL_FAILED,
        /** The authorization's expiry date has passed. */
        AUTHORIZATION_EXPIRED,
        /** The authorization expires within the horizon. */
        AUTHORIZATION_EXPIRING,
        /** The registration's expiry date has passed. */
        REGISTRATION_EXPIRED,
        /** The registration expires within the horizon. */
        REGISTRATION_EXPIRING
    }
}
