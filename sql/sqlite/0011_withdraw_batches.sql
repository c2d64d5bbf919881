-- Batches can be withdrawn: taken out of every view, kept for audit, with who, when and why.
--
-- load_batch gains the status 'withdrawn' and three audit columns. SQLite cannot change a CHECK constraint in place,
-- so the table is rebuilt: copied aside, dropped and created again with the same columns in the same order. Foreign
-- keys are deferred so that the child rows (facts, quarantined rows, returns) find their batch again at commit
-- whether or not the connection enforces them.
CREATE TEMP TABLE load_batch_copy AS SELECT * FROM load_batch;
PRAGMA defer_foreign_keys = ON;
DROP TABLE load_batch;

CREATE TABLE load_batch (
    batch_id          INTEGER PRIMARY KEY,
    file_name         TEXT    NOT NULL,
    sha256            TEXT    NOT NULL,
    extractor         TEXT    NOT NULL,
    taxonomy_version  TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('running', 'loaded', 'rejected', 'failed', 'withdrawn')),
    message           TEXT,
    rows_read         INTEGER NOT NULL DEFAULT 0,
    rows_loaded       INTEGER NOT NULL DEFAULT 0,
    rows_out_of_scope INTEGER NOT NULL DEFAULT 0,
    rows_excluded     INTEGER NOT NULL DEFAULT 0,
    rows_rejected     INTEGER NOT NULL DEFAULT 0,
    superseded_facts  INTEGER NOT NULL DEFAULT 0,
    started_at        TEXT    NOT NULL,
    finished_at       TEXT,
    reason_code       TEXT,
    owner_host        TEXT,
    owner_pid         INTEGER,
    owner_started_at  TEXT,
    person_identifier TEXT,
    withdrawn_at      TEXT,             -- set with status 'withdrawn'
    withdrawn_by      TEXT,
    withdrawn_reason  TEXT
);

INSERT INTO load_batch (batch_id, file_name, sha256, extractor, taxonomy_version, status, message, rows_read, rows_loaded,
    rows_out_of_scope, rows_excluded, rows_rejected, superseded_facts, started_at, finished_at, reason_code, owner_host,
    owner_pid, owner_started_at, person_identifier)
SELECT batch_id, file_name, sha256, extractor, taxonomy_version, status, message, rows_read, rows_loaded,
    rows_out_of_scope, rows_excluded, rows_rejected, superseded_facts, started_at, finished_at, reason_code, owner_host,
    owner_pid, owner_started_at, person_identifier
FROM load_batch_copy;
DROP TABLE load_batch_copy;

-- The same bytes can only ever be loaded once at a time: a withdrawn file may be loaded again.
CREATE UNIQUE INDEX IF NOT EXISTS ux_load_batch_loaded_sha256 ON load_batch (sha256) WHERE status = 'loaded';
CREATE INDEX IF NOT EXISTS ix_load_batch_sha256 ON load_batch (sha256, status);

-- Facts that left the views: superseded by a later file for the same organisation and month (retired_by_batch_id is
-- that batch), or of a withdrawn batch (retired_by_batch_id NULL). Kept so that withdrawing the later batch can make
-- them current again, and for audit. Same columns as fact_staff_in_post, without its keys to the views' path.
CREATE TABLE IF NOT EXISTS fact_staff_in_post_retired (
    fact_id             INTEGER NOT NULL,
    batch_id            INTEGER NOT NULL,
    snapshot_date_key   INTEGER NOT NULL,
    organisation_id     INTEGER NOT NULL,
    role_id             INTEGER NOT NULL,
    grade_id            INTEGER NOT NULL,
    person_id           INTEGER NOT NULL,
    service_area_id     INTEGER NOT NULL,
    position_id         INTEGER NOT NULL,
    assignment_key      TEXT    NOT NULL,
    fte                 REAL    NOT NULL,
    contracted_hours    REAL,
    is_primary          INTEGER,
    age_band            TEXT    NOT NULL,
    rule_id             TEXT    NOT NULL,
    taxonomy_version    TEXT    NOT NULL,
    source_row          INTEGER NOT NULL,
    service_area_rule   TEXT,
    retired_by_batch_id INTEGER
);

CREATE INDEX IF NOT EXISTS ix_fact_retired_org_snapshot ON fact_staff_in_post_retired (organisation_id, snapshot_date_key, batch_id);
CREATE INDEX IF NOT EXISTS ix_fact_retired_batch ON fact_staff_in_post_retired (batch_id);
CREATE INDEX IF NOT EXISTS ix_fact_retired_position ON fact_staff_in_post_retired (position_id);  -- remap
CREATE INDEX IF NOT EXISTS ix_batch_supersession_batch ON batch_supersession (batch_id);

-- A withdrawn return leaves the views the way a superseded one does: superseded_by_batch_id is set (to its own batch
-- when nothing later had replaced it), so every view and query that reads current returns excludes it unchanged.
ALTER TABLE survey_return ADD COLUMN withdrawn_at TEXT;

DROP VIEW IF EXISTS v_load_history;
CREATE VIEW v_load_history AS
SELECT
    batch_id, file_name, sha256, status, rows_read, rows_loaded, rows_out_of_scope,
    rows_excluded, rows_rejected, started_at, finished_at, reason_code,
    withdrawn_at, withdrawn_by, withdrawn_reason
FROM load_batch;
