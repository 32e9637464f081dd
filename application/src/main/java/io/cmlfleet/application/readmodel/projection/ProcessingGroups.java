package io.cmlfleet.application.readmodel.projection;

import java.util.List;

/**
 * The processing groups of the read side. Each projection has its own group, so each has its own tracking token,
 * its own dead-letter sequences and can be rebuilt without touching the others.
 */
public final class ProcessingGroups {

    /** One row per worker in {@code worker_summary}. */
    public static final String WORKER_SUMMARY = "worker-summary";
    /** CPU and memory samples in {@code worker_telemetry_sample}. */
    public static final String TELEMETRY_HISTORY = "telemetry-history";
    /** Status dimensions per worker in {@code fleet_worker_status}, aggregated by the fleet overview query. */
    public static final String FLEET_OVERVIEW = "fleet-overview";

    /** The labs per worker in {@code worker_lab}. */
    public static final String WORKER_LABS = "worker-labs";

    /** Every N-th state of each worker in {@code forensic_checkpoint}, where forensics starts its replays. */
    public static final String FORENSIC_CHECKPOINTS = "forensic-checkpoints";

    /** Every projection group, in registration order. */
    public static final List<String> ALL = List.of(WORKER_SUMMARY, TELEMETRY_HISTORY, FLEET_OVERVIEW, WORKER_LABS,
            FORENSIC_CHECKPOINTS);

    private ProcessingGroups() {
    }
}
