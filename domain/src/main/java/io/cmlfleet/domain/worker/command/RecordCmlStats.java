package io.cmlfleet.domain.worker.command;

import io.cmlfleet.domain.worker.CmlFacts;
import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record what the CML API reported (information, stats, licensing, labs) in one refresh. */
public record RecordCmlStats(
        @TargetAggregateIdentifier String workerId,
        CmlFacts facts,
        Instant recordedAt) {
}
