-- Survey returns: establishment, vacancies, projected demand and comments, on the same dimensions as ESR.

ALTER TABLE rejected_row ADD COLUMN sheet_name TEXT;  -- workbooks: which sheet the row is on

-- One return = one batch. A resubmission for the same organisation, period and service area supersedes the earlier one.
CREATE TABLE IF NOT EXISTS survey_return (
    return_id          INTEGER PRIMARY KEY,
    batch_id           INTEGER NOT NULL UNIQUE REFERENCES load_batch (batch_id),
    organisation_id    INTEGER NOT NULL REFERENCES dim_organisation (organisation_id),
    organisation_type_stated TEXT NOT NULL,
    return_period      TEXT    NOT NULL,             -- as normalised: '2024-25 Q2', '2024-25' or '2024-09'
    period_date_key    INTEGER NOT NULL REFERENCES dim_date (date_key),  -- the period's last day
    service_area_id    INTEGER NOT NULL REFERENCES dim_service_area (service_area_id),
    template_version   TEXT    NOT NULL,
    superseded_by_batch_id INTEGER REFERENCES load_batch (batch_id)
);

CREATE INDEX IF NOT EXISTS ix_survey_return_key ON survey_return (organisation_id, return_period, service_area_id);

-- Every workforce and demand line as the return wrote it, with the role the rules gave it. The fact cells below are
-- derived from these lines, so that `staffdata remap` can re-map the lines and rebuild the cells.
CREATE TABLE IF NOT EXISTS survey_line (
    return_id         INTEGER NOT NULL REFERENCES survey_return (return_id),
    sheet_name        TEXT    NOT NULL,
    row_number        INTEGER NOT NULL,
    horizon_years     INTEGER NOT NULL,              -- 0 for a workforce line; 5 or 10 for a projection
    role_as_written   TEXT    NOT NULL,
    grade_as_written  TEXT,
    role_id           INTEGER NOT NULL REFERENCES dim_role (role_id),
    grade_id          INTEGER NOT NULL REFERENCES dim_grade (grade_id),
    rule_id           TEXT    NOT NULL,
    headcount         REAL,
    wte_in_post       REAL,
    establishment_wte REAL,
    vacant_wte        REAL,
    agency_locum_wte  REAL,
    training_wte      REAL,
    projected_wte     REAL,
    driver            TEXT
);

CREATE INDEX IF NOT EXISTS ix_survey_line_return ON survey_line (return_id);

-- Grain: organisation x return period x service area x role x grade (lines of a return that map to the same cell are summed).
CREATE TABLE IF NOT EXISTS fact_survey_workforce (
    return_id         INTEGER NOT NULL REFERENCES survey_return (return_id),
    role_id           INTEGER NOT NULL REFERENCES dim_role (role_id),
    grade_id          INTEGER NOT NULL REFERENCES dim_grade (grade_id),
    headcount         REAL,
    wte_in_post       REAL,
    establishment_wte REAL,
    vacant_wte        REAL,
    agency_locum_wte  REAL,
    training_wte      REAL,
    source_rows       TEXT NOT NULL,                 -- 'Workforce!7,Workforce!9': where the figures came from
    rule_id           TEXT NOT NULL,
    taxonomy_version  TEXT NOT NULL,
    PRIMARY KEY (return_id, role_id, grade_id)
);

CREATE TABLE IF NOT EXISTS fact_workforce_projection (
    return_id        INTEGER NOT NULL REFERENCES survey_return (return_id),
    role_id          INTEGER NOT NULL REFERENCES dim_role (role_id),
    grade_id         INTEGER NOT NULL REFERENCES dim_grade (grade_id),
    horizon_years    INTEGER NOT NULL CHECK (horizon_years IN (5, 10)),
    projected_wte    REAL    NOT NULL,
    driver           TEXT,
    source_rows      TEXT    NOT NULL,
    rule_id          TEXT    NOT NULL,
    taxonomy_version TEXT    NOT NULL,
    PRIMARY KEY (return_id, role_id, grade_id, horizon_years)
);

CREATE TABLE IF NOT EXISTS fact_survey_comment (
    return_id   INTEGER NOT NULL REFERENCES survey_return (return_id),
    question    TEXT    NOT NULL,
    answer      TEXT    NOT NULL,
    source_sheet TEXT   NOT NULL,
    source_row  INTEGER NOT NULL
);

-- Lines that loaded but that a reviewer should look at (the rule is documented in README).
CREATE TABLE IF NOT EXISTS survey_warning (
    batch_id   INTEGER NOT NULL REFERENCES load_batch (batch_id),
    sheet_name TEXT    NOT NULL,
    row_number INTEGER NOT NULL,
    rule_code  TEXT    NOT NULL,
    message    TEXT    NOT NULL
);
