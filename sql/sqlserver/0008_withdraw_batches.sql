-- Batches can be withdrawn: taken out of every view, kept for audit, with who, when and why. The same tables, columns
-- and meanings as sql/sqlite/0011_withdraw_batches.sql.
ALTER TABLE staffdata.load_batch DROP CONSTRAINT ck_load_batch_status;
ALTER TABLE staffdata.load_batch ADD CONSTRAINT ck_load_batch_status CHECK (status IN ('running', 'loaded', 'rejected', 'failed', 'withdrawn'));
ALTER TABLE staffdata.load_batch ADD
    withdrawn_at     datetimeoffset(3) NULL,    -- set with status 'withdrawn'
    withdrawn_by     nvarchar(128)     NULL,
    withdrawn_reason nvarchar(1000)    NULL;
GO

-- Facts that left the views: superseded by a later file for the same organisation and month (retired_by_batch_id is
-- that batch), or of a withdrawn batch (retired_by_batch_id NULL). Kept so that withdrawing the later batch can make
-- them current again, and for audit.
CREATE TABLE staffdata.fact_staff_in_post_retired (
    fact_id             bigint        NOT NULL,
    batch_id            bigint        NOT NULL,
    snapshot_date_key   int           NOT NULL,
    organisation_id     int           NOT NULL,
    role_id             int           NOT NULL,
    grade_id            int           NOT NULL,
    person_id           bigint        NOT NULL,
    service_area_id     int           NOT NULL,
    position_id         bigint        NOT NULL,
    assignment_key      char(32)      NOT NULL,
    fte                 decimal(6, 4) NOT NULL,
    contracted_hours    decimal(6, 2) NULL,
    is_primary          bit           NULL,
    age_band            nvarchar(20)  NOT NULL,
    rule_id             nvarchar(40)  NOT NULL,
    taxonomy_version    nvarchar(40)  NOT NULL,
    source_row          bigint        NOT NULL,
    service_area_rule   nvarchar(40)  NULL,
    retired_by_batch_id bigint        NULL
);

CREATE CLUSTERED INDEX cx_fact_retired_org_snapshot ON staffdata.fact_staff_in_post_retired (organisation_id, snapshot_date_key, batch_id);
CREATE INDEX ix_fact_retired_position ON staffdata.fact_staff_in_post_retired (position_id);  -- remap
CREATE INDEX ix_fact_retired_batch ON staffdata.fact_staff_in_post_retired (batch_id);
CREATE INDEX ix_batch_supersession_batch ON staffdata.batch_supersession (batch_id);

-- A withdrawn return leaves the views the way a superseded one does: superseded_by_batch_id is set (to its own batch
-- when nothing later had replaced it), so every view and query that reads current returns excludes it unchanged.
ALTER TABLE staffdata.survey_return ADD withdrawn_at datetimeoffset(3) NULL;
GO

CREATE OR ALTER VIEW staffdata.v_load_history AS
SELECT
    b.batch_id, b.file_name, b.sha256, b.status, b.rows_read, b.rows_loaded, b.rows_out_of_scope,
    b.rows_excluded, b.rows_rejected, b.started_at, b.finished_at, b.reason_code,
    b.withdrawn_at, b.withdrawn_by, b.withdrawn_reason
FROM staffdata.load_batch b;
GO
