package io.cmlfleet.application.forensics.finding;

import io.cmlfleet.domain.worker.StageResult;
import java.time.Instant;

/**
 * How often a stage ended one way, e.g. {@code SKIPPED "CML service is UNAVAILABLE, not AVAILABLE"} 40 times.
 *
 * @param result ran, skipped or failed
 * @param detail the outcome's detail (the gate's reason for a skip); {@code null} for a plain run
 * @param count  how many refreshes ended so
 * @param first  the first such refresh (completion time)
 * @param last   the last one
 */
public record OutcomeCount(StageResult result, String detail, int count, Instant first, Instant last) {
}
