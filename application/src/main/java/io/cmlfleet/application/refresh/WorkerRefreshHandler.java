package io.cmlfleet.application.refresh;

import io.cmlfleet.domain.worker.WorkerInputRules;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@link RefreshWorker}, from the monitoring saga's deadline or from an operator: runs the pipeline unless a
 * refresh of the worker is in flight or (on demand) finished too recently, and then tells the caller why not.
 */
public class WorkerRefreshHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerRefreshHandler.class);

    private final WorkerRefreshPipeline pipeline;
    private final RefreshGuard guard;

    public WorkerRefreshHandler(WorkerRefreshPipeline pipeline, RefreshGuard guard) {
        this.pipeline = pipeline;
        this.guard = guard;
    }

    @CommandHandler
    public RefreshOutcome handle(RefreshWorker command) {
        WorkerRef worker = new WorkerRef(
                WorkerInputRules.workerId("workerId", command.workerId()),
                WorkerInputRules.region("region", command.region()),
                WorkerInputRules.instanceId("instanceId", command.instanceId()));
        WorkerInputRules.required("trigger", command.trigger());
        String requestedBy = WorkerInputRules.nonBlank("requestedBy", command.requestedBy());
        Optional<String> refusal = guard.tryStart(worker.workerId(), command.trigger());
        if (refusal.isPresent()) {
            LOG.info("Refresh of worker {} skipped: {}", worker.workerId(), refusal.get());
            return RefreshOutcome.skipped(worker.workerId(), refusal.get());
        }
        try {
            return pipeline.refresh(worker, command.trigger(), requestedBy);
        } finally {
            guard.finish(worker.workerId());
        }
    }
}
