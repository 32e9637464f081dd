package io.cmlfleet.application.rendering;

import java.util.Locale;

/** The output formats of forensics; every one renders timelines, state snapshots and findings. */
public enum TimelineFormat {
    /** Aligned lines for a terminal (the default). */
    TEXT,
    /** One JSON object per line, ISO-8601 times: for jq and log shippers. */
    JSON_LINES,
    /** RFC 4180 CSV with a header row: for spreadsheets. */
    CSV,
    /** A Markdown report: for tickets and post-mortems. */
    MARKDOWN;

    /** Parses {@code text}, {@code json}, {@code jsonl}, {@code json-lines}, {@code csv}, {@code md}, {@code markdown}. */
    public static TimelineFormat parse(String name) {
        if (name == null || name.isBlank()) {
            return TEXT;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "text", "txt" -> TEXT;
            case "json", "jsonl", "json-lines", "ndjson" -> JSON_LINES;
            case "csv" -> CSV;
            case "md", "markdown" -> MARKDOWN;
            default -> throw new IllegalArgumentException("unknown format '" + name
                    + "'; use text, json-lines, csv or markdown");
        };
    }

    public TimelineRenderer renderer() {
        return switch (this) {
            case TEXT -> new TextTimelineRenderer();
            case JSON_LINES -> new JsonLinesTimelineRenderer();
            case CSV -> new CsvTimelineRenderer();
            case MARKDOWN -> new MarkdownTimelineRenderer();
        };
    }
}
