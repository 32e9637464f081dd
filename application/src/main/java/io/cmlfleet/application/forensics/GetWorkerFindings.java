package io.cmlfleet.application.forensics;

import io.cmlfleet.application.forensics.finding.Findings;
import java.time.Instant;

/**
 * Query: what the worker's history says (gaps, flapping, stuck states, outside stops, why CML was not queried ...).
 * Answered with {@link Findings}.
 *
 * @param workerId the worker
 * @param from     first instant included, or {@code null} for the beginning
 * @param to       first instant excluded, or {@code null} for the last event; pass "now" to see an ongoing gap
 */
public record GetWorkerFindings(String workerId, Instant from, Instant to) {
}
