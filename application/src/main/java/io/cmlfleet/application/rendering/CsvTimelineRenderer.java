package io.cmlfleet.application.rendering;

import io.cmlfleet.application.forensics.TimelineEntry;
import io.cmlfleet.application.forensics.WorkerStateSnapshot;
import io.cmlfleet.application.forensics.finding.FindingPhrasing;
import io.cmlfleet.application.forensics.finding.FindingRow;
import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.text.SafeText;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV with a header row: fields holding a comma, quote, CR or LF are quoted and quotes doubled; lines end
 * in CRLF. Snapshots are {@code field,value} rows; findings are {@link FindingRow}s.
 *
 * <p>Every field passes {@link SafeText#line} first, so a record is always one line, and a field that a spreadsheet
 * would run as a formula (starting with {@code =}, {@code +}, {@code -} or {@code @}) gets a leading {@code '}.
 */
public final class CsvTimelineRenderer implements TimelineRenderer {

    private static final String EOL = "\r\n";

    @Override
    public TimelineFormat format() {
        return TimelineFormat.CSV;
    }

    @Override
    public String timeline(List<TimelineEntry> entries) {
        StringBuilder out = new StringBuilder("at,workerId,sequence,type,description,correlationId,issuedBy" + EOL);
        for (TimelineEntry e : entries) {
            row(out, text(e.at()), e.workerId(), Long.toString(e.sequence()), e.type(), e.description(),
                    e.correlationId(), e.issuedBy());
        }
        return out.toString();
    }

    @Override
    public String snapshot(WorkerStateSnapshot snapshot) {
        StringBuilder out = new StringBuilder("field,value" + EOL);
        for (Map.Entry<String, String> field : ForensicsJson.flatten(snapshot).entrySet()) {
            row(out, field.getKey(), field.getValue());
        }
        return out.toString();
    }

    @Override
    public String findings(Findings findings) {
        StringBuilder out = new StringBuilder("kind,start,end,detail" + EOL);
        for (String cause : findings.causes()) {
            row(out, "cause", null, null, cause);
        }
        for (FindingRow r : FindingPhrasing.details(findings.all())) {
            row(out, r.kind(), text(r.start()), text(r.end()), r.detail());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(fields[i]));
        }
        out.append(EOL);
    }

    /** Neutralises and quotes a field when it needs it; a null field is empty. */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        String field = SafeText.line(value);
        if (!field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0) {
            field = "'" + field;
        }
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
