package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.CmlFacts;
import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The CML API reported facts (version, readiness, licence, labs, nodes, allocation) that differ from the last ones.
 */
@Revision("1")
public record CmlStatsRecorded(
        String workerId,
        CmlFacts facts,
        Instant recordedAt) implements WorkerEvent {

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
