package io.cmlfleet.domain.worker.event;

import io.cmlfleet.domain.worker.LabFacts;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A listing of the worker's labs differed from what was known: a lab appeared, went, or changed state, title, owner
 * or size. Listings that change nothing are not recorded.
 *
 * @param labs       every lab the controller listed, in its order
 * @param observedAt when the listing was taken
 */
@Revision("1")
public record LabInventoryChanged(
        String workerId,
        List<LabFacts> labs,
        Instant observedAt) implements WorkerEvent {

    public LabInventoryChanged {
        labs = labs == null ? List.of() : List.copyOf(labs);
    }

    @Override
    public void foldInto(WorkerEventFold fold) {
        fold.on(this);
    }
}
