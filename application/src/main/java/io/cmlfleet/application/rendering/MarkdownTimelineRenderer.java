package io.cmlfleet.application.rendering;

import io.cmlfleet.application.forensics.TimelineEntry;
import io.cmlfleet.application.forensics.WorkerStateSnapshot;
import io.cmlfleet.application.forensics.finding.FindingPhrasing;
import io.cmlfleet.application.forensics.finding.FindingRow;
import io.cmlfleet.application.forensics.finding.Findings;
import java.util.List;
import java.util.Map;

/** A Markdown report: headings, the causes as a list, tables with pipes escaped. */
public final class MarkdownTimelineRenderer implements TimelineRenderer {

    @Override
    public TimelineFormat format() {
        return TimelineFormat.MARKDOWN;
    }

    @Override
    public String timeline(List<TimelineEntry> entries) {
        StringBuilder out = new StringBuilder("| time | worker | # | type | what | correlation | by |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (TimelineEntry e : entries) {
            out.append("| ").append(e.at()).append(" | ").append(cell(e.workerId())).append(" | ")
                    .append(e.sequence()).append(" | ").append(e.type()).append(" | ").append(cell(e.description()))
                    .append(" | ").append(cell(e.correlationId())).append(" | ").append(cell(e.issuedBy()))
                    .append(" |\n");
        }
        return out.toString();
    }

    @Override
    public String snapshot(WorkerStateSnapshot snapshot) {
        StringBuilder out = new StringBuilder("## State of " + snapshot.workerId() + " at " + snapshot.at() + "\n\n"
                + "| field | value |\n|---|---|\n");
        for (Map.Entry<String, String> field : ForensicsJson.flatten(snapshot).entrySet()) {
            out.append("| ").append(field.getKey()).append(" | ").append(cell(field.getValue())).append(" |\n");
        }
        return out.toString();
    }

    @Override
    public String findings(Findings findings) {
        StringBuilder out = new StringBuilder("## Findings for " + findings.workerId() + "\n\nWindow: "
                + findings.window() + "\n\n### Causes\n\n");
        List<String> causes = findings.causes();
        if (causes.isEmpty()) {
            out.append("Nothing unusual.\n");
        }
        causes.forEach(cause -> out.append("- ").append(cause).append('\n'));
        out.append("\n### Details\n\n| kind | start | end | detail |\n|---|---|---|---|\n");
        for (FindingRow row : FindingPhrasing.details(findings.all())) {
            out.append("| ").append(row.kind()).append(" | ").append(row.start() == null ? "" : row.start())
                    .append(" | ").append(row.end() == null ? "" : row.end()).append(" | ")
                    .append(cell(row.detail())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
