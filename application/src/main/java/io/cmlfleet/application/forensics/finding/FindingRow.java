package io.cmlfleet.application.forensics.finding;

import java.time.Instant;

/**
 * One finding as a flat row, the common shape of the text, CSV and Markdown findings reports.
 *
 * @param kind   e.g. {@code monitoring-gap}, {@code stopped-outside}
 * @param start  when it started (or happened)
 * @param end    when it ended, or {@code null}
 * @param detail one sentence
 */
public record FindingRow(String kind, Instant start, Instant end, String detail) {
}
