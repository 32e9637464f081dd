package io.cmlfleet.application.forensics.finding;

import io.cmlfleet.application.forensics.history.HumanDurations;
import java.util.ArrayList;
import java.util.List;

/** Flattens {@link Findings} into {@link FindingRow}s, one per typed finding, in a fixed order of kinds. */
public final class FindingRows {

    private FindingRows() {
    }

    public static List<FindingRow> of(Findings f) {
        List<FindingRow> rows = new ArrayList<>();
        f.stoppedOutside().forEach(s -> rows.add(new FindingRow("stopped-outside", s.at(), null,
                "stopped outside cmlfleet: " + s.from() + " → " + s.to() + " (ec2: " + s.ec2State() + ")"
                        + (s.lastRequestedAction() == null ? "; no lifecycle request on record"
                        : "; last request: " + s.lastRequestedAction()))));
        f.monitoringGaps().forEach(g -> rows.add(new FindingRow("monitoring-gap", g.start(), g.end(),
                "no refresh completed for " + HumanDurations.format(g.length()) + " (expected every "
                        + HumanDurations.format(g.expectedCadence()) + ")" + (g.ongoing() ? ", ongoing" : ""))));
        f.endpointlessRuns().forEach(r -> rows.add(new FindingRow("running-without-endpoint", r.since(), r.until(),
                r.cause() + " for " + HumanDurations.format(r.duration()) + (r.ongoing() ? ", ongoing" : ""))));
        f.stuckStates().forEach(s -> rows.add(new FindingRow("stuck-state", s.since(), s.until(),
                s.status() + " for " + HumanDurations.format(s.duration()) + (s.ongoing() ? ", ongoing" : ""))));
        f.flapping().forEach(fl -> rows.add(new FindingRow(fl.dimension() + "-flapping", fl.start(), fl.end(),
                fl.changes() + " changes: " + String.join(", ", fl.transitions()))));
        f.refreshFailures().forEach(r -> rows.add(new FindingRow("refresh-failures", r.firstAt(), r.lastAt(),
                r.count() + "× at " + r.stage() + " (" + r.retryable() + " retryable); last: " + r.lastErrorCode()
                        + " - " + r.lastMessage())));
        for (StageExplanation stage : List.of(f.healthCheck(), f.cmlQuery())) {
            String kind = stage == f.healthCheck() ? "health-check" : "cml-query";
            stage.outcomes().forEach(o -> rows.add(new FindingRow(kind, o.first(), o.last(),
                    o.result() + (o.detail() == null ? "" : ": " + o.detail()) + " (" + o.count() + " of "
                            + stage.refreshes() + " refreshes)")));
        }
        f.endpointChanges().forEach(c -> rows.add(new FindingRow("endpoint-" + c.change(), c.at(), null,
                c.endpoint() + " (" + c.source() + ")" + (c.detail() == null ? "" : ": " + c.detail()))));
        LaunchToAvailable launch = f.launchToAvailable();
        if (launch.createdAt() != null) {
            rows.add(new FindingRow("launch-to-available", launch.createdAt(), launch.firstAvailableAt(),
                    launch.reached() ? "first AVAILABLE after " + HumanDurations.format(launch.duration())
                            : "never AVAILABLE"));
        }
        return rows;
    }
}
