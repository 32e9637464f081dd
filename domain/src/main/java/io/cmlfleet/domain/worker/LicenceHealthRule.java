package io.cmlfleet.domain.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a licensing state needs attention for, as a pure function of the facts, the time and the horizon: a failed
 * renewal, an authorization or registration that has expired or expires within the horizon. CML itself may still
 * report IN_COMPLIANCE in all these cases (a recorded 2.9 controller did, with its authorization expired and its last
 * renewal failed), which is exactly why the dates and renewals are judged here, not the status.
 */
public final class LicenceHealthRule {

    /** The horizon when none is configured: two weeks, time enough to fix a CSSM connection. */
    public static final Duration DEFAULT_HORIZON = Duration.ofDays(14);

    private LicenceHealthRule() {
    }

    /**
     * The event a licence check records: none when the check is not newer than the last recorded one, or finds the
     * same licence with the same kinds of issue (the details' "in N h" changes by itself and is not news).
     */
    public static java.util.Optional<io.cmlfleet.domain.worker.event.LicenceStateChanged> change(WorkerState state,
            LicenceFacts licence, Duration horizon, Instant observedAt) {
        var last = state.licence.lastCheck();
        if (last != null && !observedAt.isAfter(last.observedAt())) {
            return java.util.Optional.empty();
        }
        List<LicenceIssue> issues = issues(licence, observedAt, horizon);
        if (last != null && last.licence().equals(licence) && kinds(last.issues()).equals(kinds(issues))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new io.cmlfleet.domain.worker.event.LicenceStateChanged(state.workerId(),
                licence, issues, horizon.toDays(), observedAt));
    }

    private static List<LicenceIssue.Kind> kinds(List<LicenceIssue> issues) {
        return issues.stream().map(LicenceIssue::kind).toList();
    }

    public static List<LicenceIssue> issues(LicenceFacts licence, Instant now, Duration horizon) {
        List<LicenceIssue> issues = new ArrayList<>();
        if (licence == null) {
            return issues;
        }
        renewal(issues, "authorization", licence.authorizationRenewal());
        renewal(issues, "registration", licence.registrationRenewal());
        expiry(issues, "authorization", licence.authorizationExpires(), now, horizon,
                LicenceIssue.Kind.AUTHORIZATION_EXPIRED, LicenceIssue.Kind.AUTHORIZATION_EXPIRING);
        expiry(issues, "registration", licence.registrationExpires(), now, horizon,
                LicenceIssue.Kind.REGISTRATION_EXPIRED, LicenceIssue.Kind.REGISTRATION_EXPIRING);
        return List.copyOf(issues);
    }

    private static void renewal(List<LicenceIssue> issues, String what, LicenceRenewal renewal) {
        if (renewal != null && renewal.failed()) {
            issues.add(new LicenceIssue(LicenceIssue.Kind.RENEWAL_FAILED, "last " + what + " renewal failed"
                    + (renewal.attempted() == null ? "" : " at " + renewal.attempted())
                    + (renewal.failure() == null ? "" : ": " + WorkerInputRules.optionalText(renewal.failure()))
                    + (renewal.scheduled() == null ? "" : "; next attempt " + renewal.scheduled())));
        }
    }

    private static void expiry(List<LicenceIssue> issues, String what, Instant expires, Instant now,
                               Duration horizon, LicenceIssue.Kind expired, LicenceIssue.Kind expiring) {
        if (expires == null) {
            return;
        }
        if (!expires.isAfter(now)) {
            issues.add(new LicenceIssue(expired, what + " expired at " + expires + " ("
                    + Duration.between(expires, now).toDays() + " days ago)"));
        } else if (!expires.isAfter(now.plus(horizon))) {
            issues.add(new LicenceIssue(expiring, what + " expires at " + expires + ", within "
                    + horizon.toDays() + " days (in " + Duration.between(now, expires).toHours() + " h)"));
        }
    }
}
