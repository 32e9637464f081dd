-- instance-claims: which live worker watches an EC2 instance (at most one per region). Not a projection: the
-- subscribing InstanceClaimHandler writes it in the transaction that appends the worker's WorkerCreated (and deletes
-- the row with WorkerTerminated), so the primary key refuses a second live worker atomically. Never rebuilt.
CREATE TABLE IF NOT EXISTS instance_claim (
    region      VARCHAR(64)              NOT NULL,
    instance_id VARCHAR(32)              NOT NULL,
    worker_id   VARCHAR(128)             NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT instance_claim_pk PRIMARY KEY (region, instance_id)
);
CREATE INDEX IF NOT EXISTS instance_claim_worker_idx ON instance_claim (worker_id);
