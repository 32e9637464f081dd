package io.cmlfleet.application.rendering;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmlfleet.application.forensics.TimelineEntry;
import io.cmlfleet.application.forensics.WorkerStateSnapshot;
import io.cmlfleet.application.forensics.finding.FindingPhrasing;
import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.forensics.finding.OutsideStop;
import java.util.List;

/**
 * One JSON object per line with ISO-8601 times. Timelines: one line per entry. Snapshots: one line. Findings: a
 * {@code summary} line (causes), then one line per typed finding with its {@code kind}.
 */
public final class JsonLinesTimelineRenderer implements TimelineRenderer {

    @Override
    public TimelineFormat format() {
        return TimelineFormat.JSON_LINES;
    }

    @Override
    public String timeline(List<TimelineEntry> entries) {
        StringBuilder out = new StringBuilder();
        entries.forEach(entry -> out.append(ForensicsJson.line(entry)).append('\n'));
        return out.toString();
    }

    @Override
    public String snapshot(WorkerStateSnapshot snapshot) {
        return ForensicsJson.line(snapshot) + "\n";
    }

    @Override
    public String findings(Findings findings) {
        StringBuilder out = new StringBuilder();
        ObjectNode summary = ForensicsJson.MAPPER.createObjectNode();
        summary.put("kind", "summary");
        summary.put("workerId", findings.workerId());
        summary.set("window", ForensicsJson.tree(findings.window()));
        summary.set("causes", ForensicsJson.MAPPER.valueToTree(findings.causes()));
        out.append(ForensicsJson.line(summary)).append('\n');
        FindingPhrasing.named(findings.all()).forEach(named -> append(out, named.kind(), named.finding()));
        return out.toString();
    }

    private static void append(StringBuilder out, String kind, Object item) {
        ObjectNode node = ForensicsJson.MAPPER.createObjectNode();
        node.put("kind", kind);
        node.setAll(ForensicsJson.tree(item));
        if (item instanceof OutsideStop) {
            node.remove("requestWindow"); // said in the cause sentence; not one of the line's documented fields
        }
        out.append(ForensicsJson.line(node)).append('\n');
    }
}
