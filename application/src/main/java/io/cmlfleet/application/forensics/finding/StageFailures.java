package io.cmlfleet.application.forensics.finding;

import io.cmlfleet.domain.worker.RefreshStage;
import java.time.Instant;

/**
 * The {@code RefreshFailed} events of one stage.
 *
 * @param stage         the refresh stage
 * @param count         how many failures
 * @param retryable     how many of them were transient
 * @param firstAt       first failure
 * @param lastAt        last failure
 * @param lastErrorCode the last failure's code
 * @param lastMessage   the last failure's message
 */
public record StageFailures(RefreshStage stage, int count, int retryable, Instant firstAt, Instant lastAt,
                            String lastErrorCode, String lastMessage) implements Finding {
}
