-- worker-summary: why the CML service is not AVAILABLE (the last health check's error, or why it was marked
-- UNAVAILABLE). Added after the table was released, hence an ALTER that is re-runnable like the other scripts.
ALTER TABLE worker_summary ADD COLUMN IF NOT EXISTS service_reason VARCHAR(1000);
