package io.cmlfleet.application.rendering;

import io.cmlfleet.application.forensics.TimelineEntry;
import io.cmlfleet.application.forensics.WorkerStateSnapshot;
import io.cmlfleet.application.forensics.finding.FindingPhrasing;
import io.cmlfleet.application.forensics.finding.FindingRow;
import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.text.SafeText;
import java.util.List;
import java.util.Map;

/**
 * A Markdown report: headings, the causes as a list, tables with pipes escaped. Stored values pass
 * {@link SafeText#line} first, so none can end a table row or a heading; in table cells {@code |} is escaped, and a
 * list item or heading text that starts with {@code #}, {@code -}, {@code +}, {@code *} or {@code >} gets a backslash
 * so it stays text.
 */
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
                    .append(e.sequence()).append(" | ").append(cell(e.type())).append(" | ")
                    .append(cell(e.description()))
                    .append(" | ").append(cell(e.correlationId())).append(" | ").append(cell(e.issuedBy()))
                    .append(" |\n");
        }
        return out.toString();
    }

    @Override
    public String snapshot(WorkerStateSnapshot snapshot) {
        StringBuilder out = new StringBuilder("## State of " + inline(snapshot.workerId()) + " at " + snapshot.at()
                + "\n\n"
                + "| field | value |\n|---|---|\n");
        for (Map.Entry<String, String> field : ForensicsJson.flatten(snapshot).entrySet()) {
            out.append("| ").append(cell(field.getKey())).append(" | ").append(cell(field.getValue())).append(" |\n");
        }
        return out.toString();
    }

    @Override
    public String findings(Findings findings) {
        StringBuilder out = new StringBuilder("## Findings for " + inline(findings.workerId()) + "\n\nWindow: "
                + findings.window() + "\n\n### Causes\n\n");
        List<String> causes = findings.causes();
        if (causes.isEmpty()) {
            out.append("Nothing unusual.\n");
        }
        causes.forEach(cause -> out.append("- ").append(inline(cause)).append('\n'));
        out.append("\n### Details\n\n| kind | start | end | detail |\n|---|---|---|---|\n");
        for (FindingRow row : FindingPhrasing.details(findings.all())) {
            out.append("| ").append(cell(row.kind())).append(" | ").append(row.start() == null ? "" : row.start())
                    .append(" | ").append(row.end() == null ? "" : row.end()).append(" | ")
                    .append(cell(row.detail())).append(" |\n");
        }
        return out.toString();
    }

    /** A table cell: one line, pipes escaped. */
    private static String cell(String text) {
        return text == null ? "" : SafeText.line(text).replace("|", "\\|");
    }

    /** Text after a list marker or a heading: one line, and a leading block marker escaped so it stays text. */
    private static String inline(String text) {
        String line = SafeText.line(text);
        return line != null && !line.isEmpty() && "#-+*>".indexOf(line.charAt(0)) >= 0 ? "\\" + line : line;
    }
}
