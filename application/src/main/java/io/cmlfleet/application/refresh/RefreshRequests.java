package io.cmlfleet.application.refresh;

import io.cmlfleet.domain.worker.RefreshTrigger;
import java.util.concurrent.CompletableFuture;

/**
 * Where refreshes are asked for: the monitoring saga's deadlines, the HTTP API, a host. Asking never runs the refresh
 * in the caller's thread, so a deadline thread or a command thread is never held by network calls.
 */
public interface RefreshRequests {

    /**
     * Hands the worker to the refresh executor. The answer completes when the refresh ends, or at once with
     * {@link RefreshOutcome#skipped} when a refresh of the worker is already queued or running, or (on demand) ran
     * too recently.
     */
    CompletableFuture<RefreshOutcome> request(WorkerRef worker, RefreshTrigger trigger, String requestedBy);
}
