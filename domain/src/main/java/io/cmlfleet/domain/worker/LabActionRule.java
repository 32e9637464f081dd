package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.event.LabInventoryChanged;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a lab action may be sent to the controller now, and whether a listing says anything new: pure functions
 * of {@link WorkerState}. CML itself has the last word on every action; these rules refuse early, with a clear
 * reason, what it would refuse anyway or what cannot reach it.
 */
public final class LabActionRule {

    private LabActionRule() {
    }

    /** Why the action may not be performed now, if it may not. */
    public static Optional<String> refusal(WorkerState state, LabAction action, String labId) {
        RefreshGateDecision gate = state.refreshGate();
        if (!gate.queryCmlApi()) {
            return Optional.of("cannot " + action + " a lab: " + gate.cmlQuerySkipReason());
        }
        if (action == LabAction.WIPE) {
            Optional<LabFacts> lab = state.labs().lab(labId);
            if (lab.isPresent() && LabFacts.STARTED.equals(lab.get().state())) {
                return Optional.of("cannot WIPE lab " + labId + ": it is STARTED, and CML wipes a lab only when"
                        + " it is stopped; stop it first");
            }
        }
        return Optional.empty();
    }

    /** Why a listing may not be recorded: the same gate as the refresh's CML stage. */
    public static Optional<String> listingRefusal(WorkerState state) {
        RefreshGateDecision gate = state.refreshGate();
        return gate.queryCmlApi() ? Optional.empty() : Optional.of("lab listing not accepted: "
                + gate.cmlQuerySkipReason());
    }

    /** The change a listing records: none when it is not newer than the last one or lists exactly what is known. */
    public static Optional<LabInventoryChanged> inventoryChange(WorkerState state, List<LabFacts> labs,
                                                                Instant observedAt) {
        KnownLabs known = state.labs();
        if (known.listedAt() != null && !observedAt.isAfter(known.listedAt())) {
            return Optional.empty();
        }
        if (known.listedAt() != null && known.all().equals(labs)) {
            return Optional.empty();
        }
        return Optional.of(new LabInventoryChanged(state.workerId(), labs, observedAt));
    }
}
