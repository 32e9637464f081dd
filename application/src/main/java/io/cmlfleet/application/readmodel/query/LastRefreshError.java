package io.cmlfleet.application.readmodel.query;

import io.cmlfleet.domain.worker.RefreshStage;
import java.time.Instant;

/** The last refresh stage that failed for a worker, as recorded by {@code RefreshFailed}. */
public record LastRefreshError(RefreshStage stage, String errorCode, String message, Instant failedAt) {
}
