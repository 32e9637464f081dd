package io.cmlfleet.application.forensics.finding;

import io.cmlfleet.application.forensics.history.EventDescriber;
import io.cmlfleet.application.forensics.history.HumanDurations;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.StageResult;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one place where findings become words: the cause sentences, the rows of the details table (text, CSV,
 * Markdown), the kind names of the JSON lines, and the few texts detectors store in a finding. Operators grep these
 * and docs/forensics.md quotes them, so each kind is phrased in one method here and nowhere else.
 */
public final class FindingPhrasing {

    /** The kinds, in the order the JSON lines list them; the name is each line's {@code kind}. */
    private enum Kind {
        MONITORING_GAP("monitoringGap"),
        FLAPPING("flapping"),
        LAUNCH_TO_AVAILABLE("launchToAvailable"),
        STUCK_STATE("stuckState"),
        ENDPOINT_CHANGE("endpointChange"),
        ENDPOINTLESS_RUN("endpointlessRun"),
        REFRESH_FAILURES("refreshFailures"),
        HEALTH_CHECK("healthCheck"),
        CML_QUERY("cmlQuery"),
        STOPPED_OUTSIDE("stoppedOutside"),
        LICENCE_RENEWAL_FAILED("licenceRenewalFailed"),
        LICENCE_EXPIRED("licenceExpired"),
        LICENCE_EXPIRING("licenceExpiring"),
        LICENCE_CHANGED("licenceChanged");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }
    }

    /** Causes, most telling first: what stopped the worker or monitoring, then why nothing could be asked. */
    private static final List<Kind> CAUSE_ORDER = List.of(Kind.STOPPED_OUTSIDE, Kind.MONITORING_GAP, Kind.CML_QUERY,
            Kind.ENDPOINTLESS_RUN, Kind.HEALTH_CHECK, Kind.REFRESH_FAILURES, Kind.FLAPPING, Kind.STUCK_STATE,
            Kind.LICENCE_EXPIRED, Kind.LICENCE_RENEWAL_FAILED, Kind.LICENCE_EXPIRING);

    /** Details: what went wrong, then what the refreshes did, then what merely happened. */
    private static final List<Kind> DETAIL_ORDER = List.of(Kind.STOPPED_OUTSIDE, Kind.MONITORING_GAP,
            Kind.ENDPOINTLESS_RUN, Kind.STUCK_STATE, Kind.FLAPPING, Kind.REFRESH_FAILURES, Kind.HEALTH_CHECK,
            Kind.CML_QUERY, Kind.LICENCE_EXPIRED, Kind.LICENCE_RENEWAL_FAILED, Kind.LICENCE_EXPIRING,
            Kind.LICENCE_CHANGED, Kind.ENDPOINT_CHANGE, Kind.LAUNCH_TO_AVAILABLE);

    /** A finding with the name of its kind, for formats that label each finding (JSON lines). */
    public record Named(String kind, Finding finding) {
    }

    /** How one finding is said: its kind, its cause sentence ({@code null}: it explains nothing) and its rows. */
    private record Phrase(Finding finding, Kind kind, String cause, List<FindingRow> rows) {
    }

    private FindingPhrasing() {
    }

    /** One sentence per finding that explains something, most telling first. */
    public static List<String> causes(List<Finding> findings) {
        return phrases(findings, CAUSE_ORDER).stream().map(Phrase::cause).filter(Objects::nonNull).toList();
    }

    /** The rows of the details table, one or more per finding. */
    public static List<FindingRow> details(List<Finding> findings) {
        return phrases(findings, DETAIL_ORDER).stream().flatMap(phrase -> phrase.rows().stream()).toList();
    }

    /** Every finding with its kind's name, kinds in catalogue order. */
    public static List<Named> named(List<Finding> findings) {
        return phrases(findings, List.of(Kind.values())).stream()
                .map(phrase -> new Named(phrase.kind().jsonName, phrase.finding())).toList();
    }

    /** A change of status, as {@link Flapping#transitions()} lists it: {@code AVAILABLE → UNAVAILABLE}. */
    public static String transition(Object from, Object to) {
        return from + " → " + to;
    }

    /** Why a RUNNING worker had no endpoint, as {@link EndpointlessRun#cause()} says it. */
    public static String endpointlessCause(String publicIp) {
        return publicIp == null ? "no public IP" : "public IP " + publicIp + " but no endpoint";
    }

    /** The last lifecycle request before an outside stop, as {@link OutsideStop#lastRequestedAction()} says it. */
    public static String lastRequest(LifecycleActionRequested request, Instant at) {
        return new EventDescriber().lifecycleActionRequested(request) + " at " + at;
    }

    /** The phrases of the findings, kinds in the given order (a kind not in it says nothing there). */
    private static List<Phrase> phrases(List<Finding> findings, List<Kind> order) {
        return findings.stream().map(FindingPhrasing::phrase)
                .filter(phrase -> order.contains(phrase.kind()))
                .sorted(Comparator.comparingInt(phrase -> order.indexOf(phrase.kind())))
                .toList();
    }

    private static Phrase phrase(Finding finding) {
        if (finding instanceof OutsideStop stop) {
            return outsideStop(stop);
        } else if (finding instanceof MonitoringGap gap) {
            return monitoringGap(gap);
        } else if (finding instanceof EndpointlessRun run) {
            return endpointlessRun(run);
        } else if (finding instanceof StuckState stuck) {
            return stuckState(stuck);
        } else if (finding instanceof Flapping flapping) {
            return flapping(flapping);
        } else if (finding instanceof StageFailures failures) {
            return stageFailures(failures);
        } else if (finding instanceof StageExplanation stage) {
            return stage.stage() == RefreshStage.HEALTH_CHECK ? healthCheck(stage) : cmlQuery(stage);
        } else if (finding instanceof EndpointChange change) {
            return endpointChange(change);
        } else if (finding instanceof LaunchToAvailable launch) {
            return launchToAvailable(launch);
        } else if (finding instanceof LicenceRenewalFailed failed) {
            return licenceRenewalFailed(failed);
        } else if (finding instanceof LicenceExpired expired) {
            return licenceExpired(expired);
        } else if (finding instanceof LicenceExpiring expiring) {
            return licenceExpiring(expiring);
        } else if (finding instanceof LicenceChanged changed) {
            return licenceChanged(changed);
        }
        throw new IllegalArgumentException("no phrasing for " + finding.getClass().getSimpleName());
    }

    private static Phrase outsideStop(OutsideStop s) {
        String change = transition(s.from(), s.to()) + " (ec2: " + s.ec2State() + ")";
        String last = s.lastRequestedAction();
        return new Phrase(s, Kind.STOPPED_OUTSIDE,
                "stopped outside cmlfleet at " + s.at() + ": " + change + "; no STOP or TERMINATE requested through"
                        + " cmlfleet in the " + duration(s.requestWindow()) + " before"
                        + (last == null ? "" : " (last request: " + last + ")"),
                List.of(new FindingRow("stopped-outside", s.at(), null, "stopped outside cmlfleet: " + change
                        + (last == null ? "; no lifecycle request on record" : "; last request: " + last))));
    }

    private static Phrase monitoringGap(MonitoringGap g) {
        String expected = "expected every " + duration(g.expectedCadence());
        String cause = g.ongoing()
                ? "monitoring stopped: no refresh completed since " + g.start() + " (" + duration(g.length())
                + " until " + g.end() + ", " + expected + ")"
                : "monitoring gap: no refresh completed for " + duration(g.length()) + " from " + g.start() + " to "
                + g.end() + " (" + expected + ")";
        return new Phrase(g, Kind.MONITORING_GAP, cause, List.of(new FindingRow("monitoring-gap", g.start(), g.end(),
                "no refresh completed for " + duration(g.length()) + " (" + expected + ")" + ongoing(g.ongoing()))));
    }

    private static Phrase endpointlessRun(EndpointlessRun r) {
        return new Phrase(r, Kind.ENDPOINTLESS_RUN,
                "RUNNING without an HTTPS endpoint for " + duration(r.duration()) + " since " + r.since()
                        + (r.ongoing() ? " (still at " + r.until() + ")" : "") + ": " + r.cause()
                        + ", so no endpoint and neither health check nor CML query could run",
                List.of(new FindingRow("running-without-endpoint", r.since(), r.until(),
                        r.cause() + " for " + duration(r.duration()) + ongoing(r.ongoing()))));
    }

    private static Phrase stuckState(StuckState s) {
        return new Phrase(s, Kind.STUCK_STATE,
                (s.ongoing() ? "stuck in " : "was stuck in ") + s.status() + " for " + duration(s.duration())
                        + " since " + s.since()
                        + (s.ongoing() ? " (still at " + s.until() + ")" : " until " + s.until()),
                List.of(new FindingRow("stuck-state", s.since(), s.until(),
                        s.status() + " for " + duration(s.duration()) + ongoing(s.ongoing()))));
    }

    private static Phrase flapping(Flapping f) {
        String transitions = String.join(", ", f.transitions());
        return new Phrase(f, Kind.FLAPPING,
                f.dimension() + " flapping: " + f.changes() + " changes between " + f.start() + " and " + f.end()
                        + " (" + transitions + ")",
                List.of(new FindingRow(f.dimension() + "-flapping", f.start(), f.end(),
                        f.changes() + " changes: " + transitions)));
    }

    private static Phrase stageFailures(StageFailures f) {
        String counted = f.count() + "× at " + f.stage() + " (" + f.retryable() + " retryable)";
        String last = f.lastErrorCode() + " - " + f.lastMessage();
        return new Phrase(f, Kind.REFRESH_FAILURES,
                "refresh failed " + counted + ", last at " + f.lastAt() + ": " + last,
                List.of(new FindingRow("refresh-failures", f.firstAt(), f.lastAt(), counted + "; last: " + last)));
    }

    /** A cause only when the health check ran and never once found the service AVAILABLE. */
    private static Phrase healthCheck(StageExplanation health) {
        boolean everAvailable = health.outcomes().stream()
                .anyMatch(o -> o.result() == StageResult.RAN && "AVAILABLE".equals(o.detail()));
        String cause = health.attempted() == 0 || everAvailable ? null
                : "health check ran " + health.attempted() + "× and never found the service AVAILABLE: "
                + tallies(health.outcomes());
        return new Phrase(health, Kind.HEALTH_CHECK, cause, stageRows("health-check", health));
    }

    /** A cause when the CML API was never queried, or skipped in some refreshes. */
    private static Phrase cmlQuery(StageExplanation cml) {
        List<OutcomeCount> skips = cml.outcomes().stream().filter(o -> o.result() == StageResult.SKIPPED).toList();
        String cause = null;
        if (cml.refreshes() > 0 && cml.attempted() == 0) {
            cause = "CML API never queried in " + cml.refreshes() + " refreshes: " + tallies(skips);
        } else if (cml.skipped() > 0) {
            cause = "CML API queried in " + cml.attempted() + " of " + cml.refreshes() + " refreshes; skipped "
                    + cml.skipped() + ": " + tallies(skips);
        }
        return new Phrase(cml, Kind.CML_QUERY, cause, stageRows("cml-query", cml));
    }

    private static List<FindingRow> stageRows(String kind, StageExplanation stage) {
        return stage.outcomes().stream().map(o -> new FindingRow(kind, o.first(), o.last(),
                o.result() + (o.detail() == null ? "" : ": " + o.detail()) + " (" + o.count() + " of "
                        + stage.refreshes() + " refreshes)")).toList();
    }

    private static Phrase endpointChange(EndpointChange c) {
        return new Phrase(c, Kind.ENDPOINT_CHANGE, null, List.of(new FindingRow("endpoint-" + c.change(), c.at(), null,
                c.endpoint() + " (" + c.source() + ")" + (c.detail() == null ? "" : ": " + c.detail()))));
    }

    /** No row when the history does not start with the worker's creation: there is nothing to measure from. */
    private static Phrase launchToAvailable(LaunchToAvailable l) {
        List<FindingRow> rows = l.createdAt() == null ? List.of()
                : List.of(new FindingRow("launch-to-available", l.createdAt(), l.firstAvailableAt(),
                l.reached() ? "first AVAILABLE after " + duration(l.duration()) : "never AVAILABLE"));
        return new Phrase(l, Kind.LAUNCH_TO_AVAILABLE, null, rows);
    }

    private static Phrase licenceRenewalFailed(LicenceRenewalFailed f) {
        String failure = f.failure() == null ? "no failure text" : f.failure();
        String when = f.attempted() == null ? "" : " at " + f.attempted();
        String next = f.nextAttempt() == null ? "; no further attempt scheduled" : "; next attempt " + f.nextAttempt();
        return new Phrase(f, Kind.LICENCE_RENEWAL_FAILED,
                "licence " + f.what() + " renewal failed" + when + ": " + failure + " (seen " + f.at() + next + ")",
                List.of(new FindingRow("licence-renewal-failed", f.attempted() == null ? f.at() : f.attempted(), null,
                        f.what() + ": " + failure + next)));
    }

    private static Phrase licenceExpired(LicenceExpired e) {
        return new Phrase(e, Kind.LICENCE_EXPIRED,
                "licence " + e.what() + " expired at " + e.expiredAt() + " (seen expired at " + e.at() + ")",
                List.of(new FindingRow("licence-expired", e.expiredAt(), e.at(), e.what() + " expired")));
    }

    private static Phrase licenceExpiring(LicenceExpiring e) {
        return new Phrase(e, Kind.LICENCE_EXPIRING,
                "licence " + e.what() + " expires at " + e.expiresAt() + ", within the " + duration(e.horizon())
                        + " horizon (seen " + e.at() + ")",
                List.of(new FindingRow("licence-expiring", e.at(), e.expiresAt(), e.what() + " expires within "
                        + duration(e.horizon()))));
    }

    private static Phrase licenceChanged(LicenceChanged c) {
        return new Phrase(c, Kind.LICENCE_CHANGED, null, List.of(new FindingRow("licence-changed", c.at(), null,
                c.changes().isEmpty() ? "licence changed" : String.join(", ", c.changes()))));
    }

    /** Outcomes with how often and when, e.g. {@code CML service is ERROR, not AVAILABLE (10×, t1 .. t2)}. */
    private static String tallies(List<OutcomeCount> outcomes) {
        return outcomes.stream().map(o -> o.detail() + " (" + o.count() + "×, " + o.first() + " .. " + o.last() + ")")
                .collect(Collectors.joining("; "));
    }

    private static String ongoing(boolean ongoing) {
        return ongoing ? ", ongoing" : "";
    }

    private static String duration(Duration duration) {
        return HumanDurations.format(duration);
    }
}
