-- Why a batch was refused or failed, as a code files can be routed by (MISSING_COLUMN, THRESHOLD_EXCEEDED, FILE_CHANGED…).
ALTER TABLE load_batch ADD COLUMN reason_code TEXT;

-- Who runs a 'running' batch: at start-up only batches whose owner process is gone are marked failed.
ALTER TABLE load_batch ADD COLUMN owner_host TEXT;
ALTER TABLE load_batch ADD COLUMN owner_pid INTEGER;
ALTER TABLE load_batch ADD COLUMN owner_started_at TEXT;

CREATE INDEX IF NOT EXISTS ix_load_batch_sha256 ON load_batch (sha256, status);

-- One pseudonymisation key per warehouse: an HMAC of a fixed label under the key (never the key), recorded with the
-- first data; a load under another key is refused.
CREATE TABLE IF NOT EXISTS warehouse_key_check (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    key_check   TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL
);

DROP VIEW IF EXISTS v_load_history;
CREATE VIEW v_load_history AS
SELECT
    batch_id, file_name, sha256, status, rows_read, rows_loaded, rows_out_of_scope,
    rows_excluded, rows_rejected, started_at, finished_at, reason_code
FROM load_batch;
