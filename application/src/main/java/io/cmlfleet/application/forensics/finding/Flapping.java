package io.cmlfleet.application.forensics.finding;

import java.time.Instant;
import java.util.List;

/**
 * At least the configured number of changes of one dimension within the configured window.
 *
 * @param dimension   {@code status} (worker status) or {@code service} (CML service status)
 * @param start       first change of the episode
 * @param end         last change of the episode
 * @param changes     number of changes in the episode
 * @param transitions the changes in order, e.g. {@code AVAILABLE → UNAVAILABLE}
 */
public record Flapping(String dimension, Instant start, Instant end, int changes, List<String> transitions)
        implements Finding {

    public Flapping {
        transitions = List.copyOf(transitions);
    }
}
