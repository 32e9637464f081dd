package io.cmlfleet.application.refresh;

import io.cmlfleet.domain.worker.WorkerInputRules;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandHandler;

/**
 * Handles {@link RefreshWorker}, for hosts that ask for a refresh by command: the refresh runs on the
 * {@link RefreshRequests refresh executor}, and the command's answer is its outcome (or why it did not run). The
 * monitoring saga and the HTTP API ask the executor directly, so that no command thread waits on a refresh.
 */
public class WorkerRefreshHandler {

    private final RefreshRequests refreshes;

    public WorkerRefreshHandler(RefreshRequests refreshes) {
        this.refreshes = refreshes;
    }

    @CommandHandler
    public RefreshOutcome handle(RefreshWorker command) {
        WorkerRef worker = new WorkerRef(
                WorkerInputRules.workerId("workerId", command.workerId()),
                WorkerInputRules.region("region", command.region()),
                WorkerInputRules.instanceId("instanceId", command.instanceId()));
        WorkerInputRules.required("trigger", command.trigger());
        String requestedBy = WorkerInputRules.nonBlank("requestedBy", command.requestedBy());
        try {
            return refreshes.request(worker, command.trigger(), requestedBy).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
