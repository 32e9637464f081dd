package io.cmlfleet.application.readmodel.schema;

/** Names of the projection tables, shared by the projections that write them and the query handlers that read them. */
public final class ProjectionTables {

    public static final String WORKER_SUMMARY = "worker_summary";
    public static final String TELEMETRY_SAMPLE = "worker_telemetry_sample";
    public static final String FLEET_WORKER_STATUS = "fleet_worker_status";
    public static final String WORKER_LAB = "worker_lab";
    public static final String FORENSIC_CHECKPOINT = "forensic_checkpoint";

    /** The dead-letter table of {@code JdbcSequencedDeadLetterQueue}: Axon's default name and columns. */
    public static final String DEAD_LETTER = "DeadLetterEntry";

    private ProjectionTables() {
    }
}
