-- worker-labs: one row per (worker, lab) as the last listing and the lab actions since left it. Plain DDL,
-- re-runnable (IF NOT EXISTS): ProjectionSchema runs it on every start, and migration version 3 adds it to stores
-- created before the table existed.
CREATE TABLE IF NOT EXISTS worker_lab (
    worker_id       VARCHAR(128) NOT NULL,
    lab_id          VARCHAR(64)  NOT NULL,
    title           VARCHAR(255),
    owner_name      VARCHAR(128),
    lab_state       VARCHAR(32),
    node_count      INTEGER,
    link_count      INTEGER,
    created_at      TIMESTAMP WITH TIME ZONE,
    last_action     VARCHAR(16),
    last_action_by  VARCHAR(255),
    last_outcome    VARCHAR(16),
    last_action_at  TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT worker_lab_pk PRIMARY KEY (worker_id, lab_id)
);
