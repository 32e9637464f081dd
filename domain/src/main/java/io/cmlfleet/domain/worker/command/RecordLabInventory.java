package io.cmlfleet.domain.worker.command;

import io.cmlfleet.domain.worker.LabFacts;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a listing of the worker's labs, taken at {@code observedAt}; recorded only when it changes something. */
public record RecordLabInventory(
        @TargetAggregateIdentifier String workerId,
        List<LabFacts> labs,
        Instant observedAt) {
}
