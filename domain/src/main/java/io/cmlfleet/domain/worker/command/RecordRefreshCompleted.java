package io.cmlfleet.domain.worker.command;

import io.cmlfleet.domain.worker.RefreshStageOutcome;
import io.cmlfleet.domain.worker.RefreshTrigger;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a refresh of the worker finished, with what each stage did and why stages were skipped. */
public record RecordRefreshCompleted(
        @TargetAggregateIdentifier String workerId,
        RefreshTrigger trigger,
        Instant startedAt,
        Instant completedAt,
        List<RefreshStageOutcome> stages) {
}
