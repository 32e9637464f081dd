package io.cmlfleet.bootstrap.api;

import jakarta.validation.constraints.Size;

/**
 * Body of a lab import: the new lab's title, its topology as CML exports it (YAML, as {@code GET .../topology}
 * returns it), and why. The domain checks title and topology and names the field it refuses.
 */
public record ImportLabRequest(String title, String topology, @Size(max = 500) String reason) {
}
