package io.cmlfleet.application.rendering;

import io.cmlfleet.application.forensics.GateExplanation;
import io.cmlfleet.application.forensics.TimelineEntry;
import io.cmlfleet.application.forensics.WorkerStateSnapshot;
import io.cmlfleet.application.forensics.finding.FindingPhrasing;
import io.cmlfleet.application.forensics.finding.FindingRow;
import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.text.SafeText;
import java.util.List;
import java.util.Map;

/**
 * Aligned plain text for a terminal; one event per line, correlation and issuer in brackets at the end. Every value
 * that comes from the store passes {@link SafeText#line}, so no stored value can start a line or send an escape.
 */
public final class TextTimelineRenderer implements TimelineRenderer {

    @Override
    public TimelineFormat format() {
        return TimelineFormat.TEXT;
    }

    @Override
    public String timeline(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return "(no events)\n";
        }
        int workerWidth = entries.stream().mapToInt(e -> safe(e.workerId()).length()).max().orElse(0);
        int typeWidth = entries.stream().mapToInt(e -> safe(e.type()).length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (TimelineEntry e : entries) {
            out.append(String.format("%-24s  %-" + workerWidth + "s  #%-3d %-" + typeWidth + "s  %s",
                    e.at(), safe(e.workerId()), e.sequence(), safe(e.type()), safe(e.description())));
            if (e.correlationId() != null || e.issuedBy() != null) {
                out.append("  [");
                if (e.correlationId() != null) {
                    out.append("corr=").append(safe(e.correlationId()));
                }
                if (e.issuedBy() != null) {
                    out.append(e.correlationId() != null ? " " : "").append("by=").append(safe(e.issuedBy()));
                }
                out.append(']');
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Override
    public String snapshot(WorkerStateSnapshot snapshot) {
        StringBuilder out = new StringBuilder("State of " + safe(snapshot.workerId()) + " at " + snapshot.at() + " ("
                + snapshot.eventsApplied() + " events, last at " + snapshot.lastEventAt() + ")\n");
        Map<String, String> fields = ForensicsJson.flatten(snapshot);
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((name, value) -> {
            if (!name.startsWith("gate.") && value != null && !value.isEmpty()) {
                out.append(String.format("  %-" + width + "s  %s%n", name, safe(value)));
            }
        });
        GateExplanation gate = snapshot.gate();
        out.append("Refresh gate at that moment:\n");
        out.append("  health check: ").append(gate.runHealthCheck() ? "would run"
                : "skipped: " + safe(String.join("; ", gate.healthCheckBlockers()))).append('\n');
        out.append("  CML API query: ").append(gate.queryCmlApi() ? "would run"
                : "skipped: " + safe(String.join("; ", gate.cmlQueryBlockers()))).append('\n');
        return out.toString();
    }

    @Override
    public String findings(Findings findings) {
        StringBuilder out = new StringBuilder("Findings for " + safe(findings.workerId()) + " (" + findings.window()
                + ")\n");
        out.append("Causes:\n");
        List<String> causes = findings.causes();
        if (causes.isEmpty()) {
            out.append("  (nothing unusual)\n");
        }
        causes.forEach(cause -> out.append("  - ").append(safe(cause)).append('\n'));
        out.append("Details:\n");
        for (FindingRow row : FindingPhrasing.details(findings.all())) {
            out.append(String.format("  %-26s %-24s %-24s %s%n", row.kind(), row.start(),
                    row.end() == null ? "" : row.end(), safe(row.detail())));
        }
        return out.toString();
    }

    private static String safe(String value) {
        return SafeText.line(value);
    }
}
