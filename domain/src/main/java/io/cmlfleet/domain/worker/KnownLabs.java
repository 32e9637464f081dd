package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.event.LabActionRecorded;
import io.cmlfleet.domain.worker.event.LabInventoryChanged;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labs a worker's controller last reported, as the fold of the lab events: the last listing, then every
 * successful action since. Immutable, so that {@link WorkerState} and its snapshot can share it; kept apart from
 * {@code WorkerState} so that the lab vocabulary has one small home.
 *
 * @param labs     lab id to what is known of it, in the controller's order
 * @param listedAt when the last listing that changed anything was taken; null before the first
 */
public record KnownLabs(Map<String, LabFacts> labs, Instant listedAt) {

    public static final KnownLabs NONE = new KnownLabs(Map.of(), null);

    public KnownLabs {
        labs = labs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labs));
    }

    public Optional<LabFacts> lab(String labId) {
        return Optional.ofNullable(labs.get(labId));
    }

    /** The labs in the controller's order. */
    public List<LabFacts> all() {
        return List.copyOf(labs.values());
    }

    /** A listing replaces what was known. */
    public KnownLabs on(LabInventoryChanged event) {
        Map<String, LabFacts> listed = new LinkedHashMap<>();
        event.labs().forEach(lab -> listed.put(lab.labId(), lab));
        return new KnownLabs(listed, event.observedAt());
    }

    /** A successful action changes its lab (a delete removes it); a failed one changes nothing known. */
    public KnownLabs on(LabActionRecorded event) {
        if (event.outcome() != LabOutcome.SUCCEEDED) {
            return this;
        }
        Map<String, LabFacts> changed = new LinkedHashMap<>(labs);
        if (event.action() == LabAction.DELETE) {
            changed.remove(event.labId());
        } else if (event.lab() != null) {
            changed.put(event.lab().labId(), event.lab());
        }
        return new KnownLabs(changed, listedAt);
    }
}
