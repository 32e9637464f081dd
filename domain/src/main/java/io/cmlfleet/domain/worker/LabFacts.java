package io.cmlfleet.domain.worker;

import java.time.Instant;

/**
 * One lab as the CML controller described it ({@code GET /labs/{id}}). Text fields are the controller's own and are
 * neutralised by {@link LabInputRules#labFacts(String, LabFacts)} before they are recorded.
 *
 * @param labId     CML's lab id (a UUID)
 * @param title     {@code lab_title}
 * @param owner     {@code owner_username}
 * @param state     {@code state}: DEFINED_ON_CORE, STOPPED, STARTED (CML may report others, e.g. QUEUED)
 * @param nodeCount {@code node_count}; null when not reported
 * @param linkCount {@code link_count}; null when not reported
 * @param createdAt {@code created}; null when not reported
 */
public record LabFacts(
        String labId,
        String title,
        String owner,
        String state,
        Integer nodeCount,
        Integer linkCount,
        Instant createdAt) {

    public static final String STARTED = "STARTED";
    public static final String STOPPED = "STOPPED";
    public static final String DEFINED_ON_CORE = "DEFINED_ON_CORE";
}
