package io.cmlfleet.application.forensics.history;

import io.cmlfleet.domain.worker.event.WorkerEvent;
import io.cmlfleet.domain.worker.event.WorkerEventTypes;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The short, stable names forensics shows for events ({@code StatusChanged}): the stored name
 * ({@code cmlfleet.worker.StatusChanged}) without its prefix, so it never depends on a Java class name.
 */
public final class EventTypeNames {

    private EventTypeNames() {
    }

    /** The short stable name of an event, e.g. {@code RefreshCompleted}. */
    public static String shortName(WorkerEvent event) {
        return WorkerEventTypes.nameOf(event.getClass())
                .map(name -> name.substring(WorkerEventTypes.PREFIX.length()))
                .orElse(event.getClass().getSimpleName());
    }

    /**
     * Normalises a type filter: accepts short names ({@code StatusChanged}) or stored names
     * ({@code cmlfleet.worker.StatusChanged}), case-insensitively; an empty or null filter means "all types".
     *
     * @throws IllegalArgumentException for a name that is no catalogued event, so a typo never yields an empty
     *                                  timeline that looks like "nothing happened"
     */
    public static Set<String> normalise(Collection<String> types) {
        Set<String> result = new LinkedHashSet<>();
        if (types == null) {
            return result;
        }
        for (String type : types) {
            if (type == null || type.isBlank()) {
                continue;
            }
            String wanted = type.trim();
            String match = WorkerEventTypes.all().keySet().stream()
                    .map(stored -> stored.substring(WorkerEventTypes.PREFIX.length()))
                    .filter(shortName -> shortName.equalsIgnoreCase(wanted)
                            || (WorkerEventTypes.PREFIX + shortName).equalsIgnoreCase(wanted))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown event type '" + wanted + "'; known: "
                            + WorkerEventTypes.all().keySet().stream()
                            .map(stored -> stored.substring(WorkerEventTypes.PREFIX.length())).toList()));
            result.add(match);
        }
        return result;
    }
}
