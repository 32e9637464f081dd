package io.cmlfleet.application.monitoring;

import io.cmlfleet.application.refresh.RefreshOutcome;
import io.cmlfleet.application.refresh.RefreshRequests;
import io.cmlfleet.application.refresh.RefreshWorker;
import io.cmlfleet.application.refresh.WorkerRef;
import io.cmlfleet.domain.worker.RefreshTrigger;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Stands in for the refresh executor: remembers every request, as the RefreshWorker it stands for. */
public class RecordingRefreshRequests implements RefreshRequests {

    private final Queue<RefreshWorker> received = new ConcurrentLinkedQueue<>();
    private volatile RuntimeException failure;

    @Override
    public CompletableFuture<RefreshOutcome> request(WorkerRef worker, RefreshTrigger trigger, String requestedBy) {
        received.add(new RefreshWorker(worker.workerId(), worker.region(), worker.instanceId(), trigger, requestedBy));
        return failure == null
                ? CompletableFuture.completedFuture(new RefreshOutcome(worker.workerId(), true, null, null, List.of()))
                : CompletableFuture.failedFuture(failure);
    }

    /** Every later request fails with this, as a broken pipeline would. */
    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    void clear() {
        received.clear();
    }

    List<RefreshWorker> received() {
        return List.copyOf(received);
    }

    long countFor(String workerId) {
        return received.stream().filter(command -> command.workerId().equals(workerId)).count();
    }
}
