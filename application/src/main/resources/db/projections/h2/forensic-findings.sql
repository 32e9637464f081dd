-- forensic-checkpoints: beside each checkpoint's state, the findings detectors' fold over the same events, so that
-- findings over a whole (or open-ended) history fold only the events after the latest checkpoint. Added after the
-- table was released, hence ALTERs that are re-runnable like the other scripts (migration version 7).
-- findings_revision names the fold's shape and the thresholds it was computed with; null: written without it.
ALTER TABLE forensic_checkpoint ADD COLUMN IF NOT EXISTS findings_revision VARCHAR(64);
ALTER TABLE forensic_checkpoint ADD COLUMN IF NOT EXISTS findings_json CLOB;
