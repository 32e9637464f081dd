package io.cmlfleet.application.labs;

import io.cmlfleet.domain.worker.LabAction;
import io.cmlfleet.domain.worker.LabFacts;
import java.util.List;

/**
 * What a lab action did, as recorded in the worker's history.
 *
 * @param labId    the lab acted on (for an import: the new lab's id)
 * @param lab      the lab as CML described it right afterwards; null after a delete, or when it could not be read
 * @param warnings CML's import warnings; empty for other actions
 */
public record LabActionResult(String workerId, LabAction action, String labId, String requestedBy, LabFacts lab,
                              List<String> warnings) {

    public LabActionResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
