-- StaffDataPipeline warehouse, SQLite. Star schema for genomics staff in post.
-- Applied by DbUp at `staffdata init` and before every load; IF NOT EXISTS keeps it safe to re-run by hand.

CREATE TABLE IF NOT EXISTS dim_date (
    date_key          INTEGER PRIMARY KEY,          -- yyyymmdd of the month-end date
    calendar_date     TEXT    NOT NULL UNIQUE,      -- ISO yyyy-mm-dd
    year              INTEGER NOT NULL,
    month             INTEGER NOT NULL,
    month_name        TEXT    NOT NULL,
    financial_year    TEXT    NOT NULL,             -- NHS financial year, e.g. 2023-24
    financial_quarter INTEGER NOT NULL              -- 1 = April to June
);

CREATE TABLE IF NOT EXISTS dim_organisation (
    organisation_id   INTEGER PRIMARY KEY,
    organisation_code TEXT NOT NULL UNIQUE,         -- ODS code
    organisation_name TEXT NOT NULL,
    organisation_type TEXT NOT NULL,                -- GLH lead trust, Trust, GMSA, ... or Unknown (review)
    region_code       TEXT,
    region_name       TEXT,
    glh               TEXT
);

CREATE TABLE IF NOT EXISTS dim_role (
    role_id       INTEGER PRIMARY KEY,
    role_code     TEXT NOT NULL UNIQUE,             -- genomics role taxonomy code, e.g. GC-PRINCIPAL
    role_name     TEXT NOT NULL,
    role_family   TEXT NOT NULL,
    typical_grade TEXT
);

CREATE TABLE IF NOT EXISTS dim_grade (
    grade_id    INTEGER PRIMARY KEY,
    grade_code  TEXT    NOT NULL UNIQUE,            -- AFC-8A, MED-CONS, UNKNOWN ...
    grade_label TEXT    NOT NULL,
    pay_scale   TEXT    NOT NULL,                   -- AfC, Medical, Unknown
    band        TEXT,
    sort_order  INTEGER NOT NULL
);

-- Pseudonymised: person_key is a keyed hash (HMAC-SHA256). No names, identifiers or dates of birth, ever.
CREATE TABLE IF NOT EXISTS dim_person (
    person_id  INTEGER PRIMARY KEY,
    person_key TEXT NOT NULL UNIQUE
);

CREATE TABLE IF NOT EXISTS dim_service_area (
    service_area_id   INTEGER PRIMARY KEY,
    service_area_code TEXT NOT NULL UNIQUE,
    service_area_name TEXT NOT NULL
);

INSERT OR IGNORE INTO dim_service_area (service_area_id, service_area_code, service_area_name) VALUES
    (1, 'RARE-DISEASE', 'Rare disease'),
    (2, 'INHERITED-CANCER', 'Inherited cancer'),
    (3, 'CANCER-SOMATIC', 'Cancer (somatic)'),
    (4, 'UNSPECIFIED', 'Unspecified');

-- A post as the source described it, with the role the rules gave it; `staffdata remap` re-derives role_id from here.
CREATE TABLE IF NOT EXISTS dim_position (
    position_id      INTEGER PRIMARY KEY,
    position_title   TEXT NOT NULL,
    staff_group      TEXT NOT NULL,
    occupation_code  TEXT NOT NULL,
    area_of_work     TEXT NOT NULL,
    job_role         TEXT NOT NULL,
    cost_centre      TEXT NOT NULL,
    grade_as_written TEXT NOT NULL,
    role_id          INTEGER NOT NULL REFERENCES dim_role (role_id),
    rule_id          TEXT NOT NULL,
    taxonomy_version TEXT NOT NULL,
    UNIQUE (position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade_as_written)
);

CREATE TABLE IF NOT EXISTS load_batch (
    batch_id          INTEGER PRIMARY KEY,
    file_name         TEXT    NOT NULL,
    sha256            TEXT    NOT NULL,
    extractor         TEXT    NOT NULL,
    taxonomy_version  TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('running', 'loaded', 'rejected', 'failed')),
    message           TEXT,
    rows_read         INTEGER NOT NULL DEFAULT 0,
    rows_loaded       INTEGER NOT NULL DEFAULT 0,
    rows_out_of_scope INTEGER NOT NULL DEFAULT 0,
    rows_excluded     INTEGER NOT NULL DEFAULT 0,
    rows_rejected     INTEGER NOT NULL DEFAULT 0,
    superseded_facts  INTEGER NOT NULL DEFAULT 0,
    started_at        TEXT    NOT NULL,
    finished_at       TEXT
);

-- The same bytes can only ever be loaded once.
CREATE UNIQUE INDEX IF NOT EXISTS ux_load_batch_loaded_sha256 ON load_batch (sha256) WHERE status = 'loaded';

-- Grain: one ESR assignment in one snapshot month.
CREATE TABLE IF NOT EXISTS fact_staff_in_post (
    fact_id           INTEGER PRIMARY KEY,
    batch_id          INTEGER NOT NULL REFERENCES load_batch (batch_id),
    snapshot_date_key INTEGER NOT NULL REFERENCES dim_date (date_key),
    organisation_id   INTEGER NOT NULL REFERENCES dim_organisation (organisation_id),
    role_id           INTEGER NOT NULL REFERENCES dim_role (role_id),
    grade_id          INTEGER NOT NULL REFERENCES dim_grade (grade_id),
    person_id         INTEGER NOT NULL REFERENCES dim_person (person_id),
    service_area_id   INTEGER NOT NULL REFERENCES dim_service_area (service_area_id),
    position_id       INTEGER NOT NULL REFERENCES dim_position (position_id),
    assignment_key    TEXT    NOT NULL,             -- keyed hash of the assignment number
    fte               REAL    NOT NULL CHECK (fte >= 0 AND fte <= 1.5),
    contracted_hours  REAL,
    is_primary        INTEGER,                      -- 1, 0, or NULL when the file did not say
    age_band          TEXT    NOT NULL,
    rule_id           TEXT    NOT NULL,             -- the mapping rule that decided role_id
    taxonomy_version  TEXT    NOT NULL,
    source_row        INTEGER NOT NULL              -- row in the source file, for tracing a figure back
);

CREATE INDEX IF NOT EXISTS ix_fact_staff_in_post_org_snapshot ON fact_staff_in_post (organisation_id, snapshot_date_key);
CREATE INDEX IF NOT EXISTS ix_fact_staff_in_post_batch ON fact_staff_in_post (batch_id);
CREATE INDEX IF NOT EXISTS ix_fact_staff_in_post_position ON fact_staff_in_post (position_id);

-- Quarantined rows: where and why, never the values.
CREATE TABLE IF NOT EXISTS rejected_row (
    batch_id    INTEGER NOT NULL REFERENCES load_batch (batch_id),
    row_number  INTEGER NOT NULL,
    column_name TEXT    NOT NULL,
    reason_code TEXT    NOT NULL,
    message     TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_rejected_row_batch ON rejected_row (batch_id);

CREATE TABLE IF NOT EXISTS batch_supersession (
    batch_id            INTEGER NOT NULL REFERENCES load_batch (batch_id),
    superseded_batch_id INTEGER NOT NULL REFERENCES load_batch (batch_id),
    organisation_code   TEXT    NOT NULL,
    snapshot_date       TEXT    NOT NULL,
    facts_removed       INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS review_unmapped_title (
    position_title  TEXT    NOT NULL,
    staff_group     TEXT    NOT NULL,
    occupation_code TEXT    NOT NULL,
    area_of_work    TEXT    NOT NULL,
    job_role        TEXT    NOT NULL,
    row_count       INTEGER NOT NULL,
    first_seen_at   TEXT    NOT NULL,
    last_seen_at    TEXT    NOT NULL,
    first_batch_id  INTEGER NOT NULL,
    last_batch_id   INTEGER NOT NULL,
    PRIMARY KEY (position_title, staff_group, occupation_code, area_of_work, job_role)
);

CREATE TABLE IF NOT EXISTS taxonomy_version (
    version       TEXT PRIMARY KEY,
    first_used_at TEXT NOT NULL,
    rule_count    INTEGER NOT NULL
);
