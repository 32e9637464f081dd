-- Read-side tables of the cmlfleet projections. Plain DDL, re-runnable (IF NOT EXISTS): the bootstrap module will
-- move these statements into Flyway migrations unchanged. Statements are separated by semicolons at line ends.
-- Enum columns hold the Java enum names; instants are stored as TIMESTAMP WITH TIME ZONE (UTC).

-- worker-summary: one row per worker.
CREATE TABLE IF NOT EXISTS worker_summary (
    worker_id                 VARCHAR(128)  NOT NULL,
    name                      VARCHAR(255),
    region                    VARCHAR(64),
    instance_id               VARCHAR(32),
    instance_type             VARCHAR(64),
    status                    VARCHAR(32)   NOT NULL,
    ec2_state                 VARCHAR(32),
    public_ip                 VARCHAR(64),
    private_ip                VARCHAR(64),
    endpoint                  VARCHAR(512),
    endpoint_source           VARCHAR(16),
    service_status            VARCHAR(16)   NOT NULL,
    licensed                  BOOLEAN,
    enterprise                BOOLEAN,
    cml_version               VARCHAR(128),
    nodes_running             INTEGER,
    nodes_total               INTEGER,
    cpu_percent               DOUBLE PRECISION,
    memory_percent            DOUBLE PRECISION,
    telemetry_sampled_at      TIMESTAMP WITH TIME ZONE,
    last_refresh_completed_at TIMESTAMP WITH TIME ZONE,
    last_refresh_trigger      VARCHAR(16),
    last_error_stage          VARCHAR(32),
    last_error_code           VARCHAR(64),
    last_error_message        VARCHAR(1000),
    last_error_at             TIMESTAMP WITH TIME ZONE,
    created_at                TIMESTAMP WITH TIME ZONE,
    terminated_at             TIMESTAMP WITH TIME ZONE,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT worker_summary_pk PRIMARY KEY (worker_id)
);
CREATE INDEX IF NOT EXISTS worker_summary_instance_idx ON worker_summary (instance_id);
CREATE INDEX IF NOT EXISTS worker_summary_listing_idx ON worker_summary (name, worker_id);

-- telemetry-history: one row per (worker, sample time).
CREATE TABLE IF NOT EXISTS worker_telemetry_sample (
    worker_id      VARCHAR(128) NOT NULL,
    sampled_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    cpu_percent    DOUBLE PRECISION,
    memory_percent DOUBLE PRECISION,
    window_seconds BIGINT NOT NULL,
    CONSTRAINT worker_telemetry_sample_pk PRIMARY KEY (worker_id, sampled_at)
);

-- fleet-overview: the dimensions counted per worker; the counts are GROUP BY queries over this table.
CREATE TABLE IF NOT EXISTS fleet_worker_status (
    worker_id      VARCHAR(128) NOT NULL,
    region         VARCHAR(64),
    status         VARCHAR(32)  NOT NULL,
    service_status VARCHAR(16)  NOT NULL,
    CONSTRAINT fleet_worker_status_pk PRIMARY KEY (worker_id)
);
CREATE INDEX IF NOT EXISTS fleet_worker_status_region_idx ON fleet_worker_status (region);
