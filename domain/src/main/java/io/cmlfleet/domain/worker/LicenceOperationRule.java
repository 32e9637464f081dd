package io.cmlfleet.domain.worker;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a licence operation may be sent to the controller now, and whether CML's licensing state says it has
 * ended: pure functions, so that the service's polling and its tests judge alike. CML performs every operation in
 * the background against Cisco's servers; until its status leaves the in-progress states the operation goes on.
 */
public final class LicenceOperationRule {

    /**
     * The registration statuses during which CML is still talking to Cisco's servers. CML 2.9 reports IN_PROGRESS
     * and RETRY_IN_PROGRESS; the others are accepted because agents of other versions use them.
     */
    public static final Set<String> IN_PROGRESS = Set.of("IN_PROGRESS", "RETRY_IN_PROGRESS", "PENDING",
            "REGISTERING", "DEREGISTERING", "RENEWING");

    /** CML's registration status of a registered controller. */
    public static final String REGISTERED = "COMPLETED";

    /** How an operation ended, as CML's licensing state says it. */
    public record Ended(LicenceOperationOutcome outcome, String message) {
    }

    private LicenceOperationRule() {
    }

    /** Why the operation may not be performed now, if it may not: CML's API must be reachable. */
    public static Optional<String> refusal(WorkerState state, LicenceOperation operation) {
        RefreshGateDecision gate = state.refreshGate();
        if (!gate.queryCmlApi()) {
            return Optional.of("cannot perform a licence " + operation.noun() + ": " + gate.cmlQuerySkipReason());
        }
        return Optional.empty();
    }

    public static boolean inProgress(String status) {
        return status != null && IN_PROGRESS.contains(status.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether, and how, the operation has ended by the licensing state {@code now}, given the state {@code before}
     * it was sent, when it was sent and CML's last registration attempt ({@code register_time}). Empty while it is
     * in progress.
     */
    public static Optional<Ended> ended(LicenceOperation operation, LicenceFacts before, Instant requestedAt,
                                        LicenceFacts now, LicenceRenewal registerAttempt) {
        if (now == null || inProgress(now.registrationStatus())) {
            return Optional.empty();
        }
        return switch (operation) {
            case REGISTER -> Optional.of(REGISTERED.equalsIgnoreCase(now.registrationStatus())
                    ? new Ended(LicenceOperationOutcome.SUCCEEDED, null)
                    : new Ended(LicenceOperationOutcome.FAILED, failureText(registerAttempt,
                    "registration is " + now.registrationStatus())));
            case DEREGISTER -> Optional.of(REGISTERED.equalsIgnoreCase(now.registrationStatus())
                    ? new Ended(LicenceOperationOutcome.FAILED, "still registered (COMPLETED) after deregistration")
                    : new Ended(LicenceOperationOutcome.SUCCEEDED, null));
            case RENEW_AUTHORIZATION -> renewal(before == null ? null : before.authorizationRenewal(),
                    now.authorizationRenewal(), requestedAt);
            case RENEW_REGISTRATION -> renewal(before == null ? null : before.registrationRenewal(),
                    now.registrationRenewal(), requestedAt);
        };
    }

    /**
     * A renewal has ended once CML reports a new attempt, not in progress: one other than the attempt it reported
     * before, or one made since the request (CML's dates have whole seconds, so an attempt within the second of the
     * last one is told apart by the request time).
     */
    private static Optional<Ended> renewal(LicenceRenewal before, LicenceRenewal now, Instant requestedAt) {
        if (now == null || now.attempted() == null || inProgress(now.status())) {
            return Optional.empty();
        }
        boolean sameAsBefore = before != null && now.attempted().equals(before.attempted());
        boolean sinceRequest = requestedAt != null
                && !now.attempted().isBefore(requestedAt.truncatedTo(ChronoUnit.SECONDS));
        if (sameAsBefore && !sinceRequest) {
            return Optional.empty();
        }
        return Optional.of(now.failed()
                ? new Ended(LicenceOperationOutcome.FAILED, failureText(now, "renewal FAILED"))
                : new Ended(LicenceOperationOutcome.SUCCEEDED, null));
    }

    /** CML's own failure text; it puts "OK" there after a good attempt, which explains nothing. */
    private static String failureText(LicenceRenewal attempt, String otherwise) {
        String failure = attempt == null ? null : attempt.failure();
        return failure == null || failure.isBlank() || failure.equalsIgnoreCase("OK") ? otherwise : failure;
    }
}
