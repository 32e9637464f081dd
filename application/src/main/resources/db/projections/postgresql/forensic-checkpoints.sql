-- forensic-checkpoints: every ForensicCheckpoints.INTERVAL events of a worker, its whole WorkerState (the
-- versioned WorkerSnapshot JSON) after that event, so that state-at and timeline windows start near the instant
-- asked for instead of at the first event. Plain DDL, re-runnable (IF NOT EXISTS): ProjectionSchema runs it on
-- every start, and migration version 6 adds it to stores created before the table existed.
CREATE TABLE IF NOT EXISTS forensic_checkpoint (
    worker_id          VARCHAR(128) NOT NULL,
    sequence_number    BIGINT       NOT NULL,
    events_applied     BIGINT       NOT NULL,
    -- the latest timestamp among events 0..sequence_number, rounded up to the column's microseconds: events are
    -- not guaranteed to be stored in timestamp order, and a checkpoint is used only when all of them lie before
    -- the instant asked for
    max_event_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the timestamp of the event at sequence_number, exactly (Instant.toString)
    last_event_at      VARCHAR(40)  NOT NULL,
    snapshot_revision  VARCHAR(16)  NOT NULL,
    state_json         TEXT NOT NULL,
    CONSTRAINT forensic_checkpoint_pk PRIMARY KEY (worker_id, sequence_number)
);
