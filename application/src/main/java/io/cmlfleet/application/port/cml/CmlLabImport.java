package io.cmlfleet.application.port.cml;

import java.util.List;
import java.util.Objects;

/**
 * What {@code POST /import} answers: the new lab's id and the warnings CML raised while importing (unknown node
 * definitions, missing images...), which do not stop the import.
 */
public record CmlLabImport(String labId, List<String> warnings) {

    public CmlLabImport {
        Objects.requireNonNull(labId, "labId");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
