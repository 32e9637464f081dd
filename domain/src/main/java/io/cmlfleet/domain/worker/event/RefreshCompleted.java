package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.RefreshStageOutcome;
import io.cmlfleet.domain.worker.RefreshTrigger;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A refresh of the worker finished. Emitted for every refresh, even one that observed nothing new: it is the
 * heartbeat of monitoring (gaps show as missing ones) and it says, stage by stage, what ran and why the rest did not.
 */
@Revision("1")
public record RefreshCompleted(
        String workerId,
        RefreshTrigger trigger,
        Instant startedAt,
        Instant completedAt,
        List<RefreshStageOutcome> stages) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
