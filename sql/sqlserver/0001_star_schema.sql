-- The StaffDataPipeline warehouse on SQL Server: the same star schema as sql/sqlite, in its own schema, with proper
-- types (date, decimal for FTE and hours, nvarchar), keys and the indexes analysts' queries need.
-- Applied by DbUp (journal staffdata.SchemaVersions), or by a DBA from `staffdata schema-script --provider SqlServer`.

IF SCHEMA_ID(N'staffdata') IS NULL EXEC (N'CREATE SCHEMA staffdata AUTHORIZATION dbo');
GO

CREATE TABLE staffdata.dim_date (
    date_key          int          NOT NULL CONSTRAINT pk_dim_date PRIMARY KEY,   -- yyyymmdd of the month-end date
    calendar_date     date         NOT NULL CONSTRAINT ux_dim_date_calendar_date UNIQUE,
    [year]            smallint     NOT NULL,
    [month]           tinyint      NOT NULL,
    month_name        nvarchar(12) NOT NULL,
    financial_year    char(7)      NOT NULL,                                       -- NHS financial year, e.g. 2023-24
    financial_quarter tinyint      NOT NULL                                        -- 1 = April to June
);

CREATE TABLE staffdata.dim_organisation (
    organisation_id   int           IDENTITY(1, 1) NOT NULL CONSTRAINT pk_dim_organisation PRIMARY KEY,
    organisation_code nvarchar(12)  NOT NULL CONSTRAINT ux_dim_organisation_code UNIQUE,   -- ODS code
    organisation_name nvarchar(200) NOT NULL,
    organisation_type nvarchar(60)  NOT NULL,                                              -- or Unknown (review)
    region_code       nvarchar(20)  NULL,
    region_name       nvarchar(100) NULL,
    glh               nvarchar(100) NULL,
    open_date         date          NULL,                                                 -- from the ODS release
    close_date        date          NULL,
    current_organisation_code nvarchar(12) NULL      -- the organisation this one is today (organisation_successor); NULL when none
);

CREATE TABLE staffdata.dim_role (
    role_id       int           IDENTITY(1, 1) NOT NULL CONSTRAINT pk_dim_role PRIMARY KEY,
    role_code     nvarchar(30)  NOT NULL CONSTRAINT ux_dim_role_code UNIQUE,
    role_name     nvarchar(200) NOT NULL,
    role_family   nvarchar(100) NOT NULL,
    typical_grade nvarchar(100) NULL
);

CREATE TABLE staffdata.dim_grade (
    grade_id    int           IDENTITY(1, 1) NOT NULL CONSTRAINT pk_dim_grade PRIMARY KEY,
    grade_code  nvarchar(30)  NOT NULL CONSTRAINT ux_dim_grade_code UNIQUE,
    grade_label nvarchar(100) NOT NULL,
    pay_scale   nvarchar(30)  NOT NULL,
    band        nvarchar(10)  NULL,
    sort_order  int           NOT NULL
);

-- Keyed hashes only: the analyst role has no access to this table.
CREATE TABLE staffdata.dim_person (
    person_id  bigint   IDENTITY(1, 1) NOT NULL CONSTRAINT pk_dim_person PRIMARY KEY,
    person_key char(32) NOT NULL CONSTRAINT ux_dim_person_key UNIQUE
);

CREATE TABLE staffdata.dim_service_area (
    service_area_id   int           NOT NULL CONSTRAINT pk_dim_service_area PRIMARY KEY,
    service_area_code nvarchar(30)  NOT NULL CONSTRAINT ux_dim_service_area_code UNIQUE,
    service_area_name nvarchar(100) NOT NULL
);

INSERT INTO staffdata.dim_service_area (service_area_id, service_area_code, service_area_name)
SELECT v.id, v.code, v.name
FROM (VALUES (1, N'RARE-DISEASE', N'Rare disease'), (2, N'INHERITED-CANCER', N'Inherited cancer'),
             (3, N'CANCER-SOMATIC', N'Cancer (somatic)'), (4, N'UNSPECIFIED', N'Unspecified')) AS v (id, code, name)
WHERE NOT EXISTS (SELECT 1 FROM staffdata.dim_service_area a WHERE a.service_area_id = v.id);

-- A post as the source described it. The seven descriptors are too wide for one index key, so a persisted hash of
-- them is the unique key.
CREATE TABLE staffdata.dim_position (
    position_id      bigint        IDENTITY(1, 1) NOT NULL CONSTRAINT pk_dim_position PRIMARY KEY,
    position_title   nvarchar(400) NOT NULL,
    staff_group      nvarchar(200) NOT NULL,
    occupation_code  nvarchar(20)  NOT NULL,
    area_of_work     nvarchar(200) NOT NULL,
    job_role         nvarchar(200) NOT NULL,
    cost_centre      nvarchar(200) NOT NULL,
    grade_as_written nvarchar(100) NOT NULL,
    role_id          int           NOT NULL CONSTRAINT fk_dim_position_role REFERENCES staffdata.dim_role (role_id),
    rule_id          nvarchar(40)  NOT NULL,
    taxonomy_version nvarchar(40)  NOT NULL,
    post_hash AS CAST(HASHBYTES('SHA2_256', CONCAT(position_title, NCHAR(31), staff_group, NCHAR(31), occupation_code, NCHAR(31), area_of_work, NCHAR(31),
        job_role, NCHAR(31), cost_centre, NCHAR(31), grade_as_written)) AS binary(32)) PERSISTED,
    CONSTRAINT ux_dim_position_post UNIQUE (post_hash)
);

CREATE TABLE staffdata.load_batch (
    batch_id          bigint         IDENTITY(1, 1) NOT NULL CONSTRAINT pk_load_batch PRIMARY KEY,
    file_name         nvarchar(260)  NOT NULL,
    sha256            char(64)       NOT NULL,
    extractor         nvarchar(40)   NOT NULL,
    taxonomy_version  nvarchar(40)   NOT NULL,
    status            varchar(10)    NOT NULL CONSTRAINT ck_load_batch_status CHECK (status IN ('running', 'loaded', 'rejected', 'failed')),
    message           nvarchar(max)  NULL,
    rows_read         bigint         NOT NULL CONSTRAINT df_load_batch_rows_read DEFAULT 0,
    rows_loaded       bigint         NOT NULL CONSTRAINT df_load_batch_rows_loaded DEFAULT 0,
    rows_out_of_scope bigint         NOT NULL CONSTRAINT df_load_batch_rows_out_of_scope DEFAULT 0,
    rows_excluded     bigint         NOT NULL CONSTRAINT df_load_batch_rows_excluded DEFAULT 0,
    rows_rejected     bigint         NOT NULL CONSTRAINT df_load_batch_rows_rejected DEFAULT 0,
    superseded_facts  bigint         NOT NULL CONSTRAINT df_load_batch_superseded_facts DEFAULT 0,
    started_at        datetimeoffset(3) NOT NULL,
    finished_at       datetimeoffset(3) NULL,
    reason_code       varchar(40)    NULL,
    owner_host        nvarchar(128)  NULL,
    owner_pid         int            NULL,
    owner_started_at  datetimeoffset(3) NULL,
    heartbeat_at      datetimeoffset(3) NULL          -- a running batch's owner writes this while it loads
);

-- The same bytes can only ever be loaded once: the last guard behind the application lock.
CREATE UNIQUE INDEX ux_load_batch_loaded_sha256 ON staffdata.load_batch (sha256) WHERE status = 'loaded';
CREATE INDEX ix_load_batch_sha256 ON staffdata.load_batch (sha256, status);

-- Grain: one ESR assignment in one snapshot month.
CREATE TABLE staffdata.fact_staff_in_post (
    fact_id           bigint        IDENTITY(1, 1) NOT NULL CONSTRAINT pk_fact_staff_in_post PRIMARY KEY,
    batch_id          bigint        NOT NULL CONSTRAINT fk_fact_batch REFERENCES staffdata.load_batch (batch_id),
    snapshot_date_key int           NOT NULL CONSTRAINT fk_fact_date REFERENCES staffdata.dim_date (date_key),
    organisation_id   int           NOT NULL CONSTRAINT fk_fact_organisation REFERENCES staffdata.dim_organisation (organisation_id),
    role_id           int           NOT NULL CONSTRAINT fk_fact_role REFERENCES staffdata.dim_role (role_id),
    grade_id          int           NOT NULL CONSTRAINT fk_fact_grade REFERENCES staffdata.dim_grade (grade_id),
    person_id         bigint        NOT NULL CONSTRAINT fk_fact_person REFERENCES staffdata.dim_person (person_id),
    service_area_id   int           NOT NULL CONSTRAINT fk_fact_service_area REFERENCES staffdata.dim_service_area (service_area_id),
    position_id       bigint        NOT NULL CONSTRAINT fk_fact_position REFERENCES staffdata.dim_position (position_id),
    assignment_key    char(32)      NOT NULL,
    fte               decimal(6, 4) NOT NULL CONSTRAINT ck_fact_fte CHECK (fte >= 0 AND fte <= 1.5),
    contracted_hours  decimal(6, 2) NULL,
    is_primary        bit           NULL,
    age_band          nvarchar(20)  NOT NULL,
    rule_id           nvarchar(40)  NOT NULL,
    taxonomy_version  nvarchar(40)  NOT NULL,
    source_row        bigint        NOT NULL
);

CREATE INDEX ix_fact_staff_in_post_snapshot ON staffdata.fact_staff_in_post (snapshot_date_key, organisation_id, role_id) INCLUDE (grade_id, person_id, fte);
CREATE INDEX ix_fact_staff_in_post_org_snapshot ON staffdata.fact_staff_in_post (organisation_id, snapshot_date_key);
CREATE INDEX ix_fact_staff_in_post_role ON staffdata.fact_staff_in_post (role_id, snapshot_date_key) INCLUDE (person_id, fte);
CREATE INDEX ix_fact_staff_in_post_batch ON staffdata.fact_staff_in_post (batch_id);
CREATE INDEX ix_fact_staff_in_post_position ON staffdata.fact_staff_in_post (position_id);

-- Rows of a batch on their way in, written as they are read (bulk copy) and moved into the star at commit.
CREATE TABLE staffdata.stage_fact (
    batch_id          bigint        NOT NULL,
    source_row        bigint        NOT NULL,
    snapshot_date     date          NOT NULL,
    organisation_code nvarchar(12)  NOT NULL,
    organisation_name nvarchar(200) NOT NULL,
    organisation_type nvarchar(60)  NOT NULL,
    role_code         nvarchar(30)  NOT NULL,
    grade_code        nvarchar(30)  NOT NULL,
    person_key        char(32)      NOT NULL,
    position_title    nvarchar(400) NOT NULL,
    staff_group       nvarchar(200) NOT NULL,
    occupation_code   nvarchar(20)  NOT NULL,
    area_of_work      nvarchar(200) NOT NULL,
    job_role          nvarchar(200) NOT NULL,
    cost_centre       nvarchar(200) NOT NULL,
    grade_as_written  nvarchar(100) NOT NULL,
    assignment_key    char(32)      NOT NULL,
    fte               decimal(6, 4) NOT NULL,
    contracted_hours  decimal(6, 2) NULL,
    is_primary        bit           NULL,
    age_band          nvarchar(20)  NOT NULL,
    rule_id           nvarchar(40)  NOT NULL,
    CONSTRAINT pk_stage_fact PRIMARY KEY (batch_id, source_row)
);

CREATE INDEX ix_stage_fact_assignment ON staffdata.stage_fact (batch_id, snapshot_date, organisation_code, assignment_key, source_row);

-- Quarantined rows: where and why, never the values.
CREATE TABLE staffdata.rejected_row (
    batch_id    bigint         NOT NULL CONSTRAINT fk_rejected_row_batch REFERENCES staffdata.load_batch (batch_id),
    sheet_name  nvarchar(100)  NULL,
    row_number  bigint         NOT NULL,
    column_name nvarchar(200)  NOT NULL,
    reason_code varchar(60)    NOT NULL,
    message     nvarchar(1000) NOT NULL
);

CREATE INDEX ix_rejected_row_batch ON staffdata.rejected_row (batch_id);

CREATE TABLE staffdata.batch_supersession (
    batch_id            bigint       NOT NULL CONSTRAINT fk_supersession_batch REFERENCES staffdata.load_batch (batch_id),
    superseded_batch_id bigint       NOT NULL CONSTRAINT fk_supersession_superseded REFERENCES staffdata.load_batch (batch_id),
    organisation_code   nvarchar(12) NOT NULL,
    snapshot_date       date         NOT NULL,
    facts_removed       bigint       NOT NULL
);

CREATE TABLE staffdata.review_unmapped_title (
    title_id        bigint            IDENTITY(1, 1) NOT NULL CONSTRAINT pk_review_unmapped_title PRIMARY KEY,
    position_title  nvarchar(400)     NOT NULL,
    staff_group     nvarchar(200)     NOT NULL,
    occupation_code nvarchar(20)      NOT NULL,
    area_of_work    nvarchar(200)     NOT NULL,
    job_role        nvarchar(200)     NOT NULL,
    row_count       bigint            NOT NULL,
    first_seen_at   datetimeoffset(3) NOT NULL,
    last_seen_at    datetimeoffset(3) NOT NULL,
    first_batch_id  bigint            NOT NULL,
    last_batch_id   bigint            NOT NULL,
    title_hash AS CAST(HASHBYTES('SHA2_256', CONCAT(position_title, NCHAR(31), staff_group, NCHAR(31), occupation_code, NCHAR(31), area_of_work, NCHAR(31), job_role)) AS binary(32)) PERSISTED,
    CONSTRAINT ux_review_unmapped_title UNIQUE (title_hash)
);

CREATE TABLE staffdata.taxonomy_version (
    version       nvarchar(40)      NOT NULL CONSTRAINT pk_taxonomy_version PRIMARY KEY,
    first_used_at datetimeoffset(3) NOT NULL,
    rule_count    int               NOT NULL
);

-- One pseudonymisation key per warehouse: an HMAC of a fixed label under the key (never the key).
CREATE TABLE staffdata.warehouse_key_check (
    id          tinyint           NOT NULL CONSTRAINT pk_warehouse_key_check PRIMARY KEY CONSTRAINT ck_warehouse_key_check_id CHECK (id = 1),
    key_check   char(32)          NOT NULL,
    recorded_at datetimeoffset(3) NOT NULL
);

-- Organisations from the NHS ODS releases (staffdata organisations import): every trust and site with its parent,
-- region (national grouping) and dates; and mergers (organisation-successors.csv), which the views follow.
CREATE TABLE staffdata.ods_organisation (
    organisation_code nvarchar(12)  NOT NULL CONSTRAINT pk_ods_organisation PRIMARY KEY,  -- 3 characters for a trust, 5 for a site
    organisation_name nvarchar(200) NOT NULL,
    parent_code       nvarchar(12)  NULL,                                                 -- a site's trust
    national_grouping nvarchar(10)  NULL,
    open_date         date          NULL,
    close_date        date          NULL
);

CREATE TABLE staffdata.organisation_successor (
    old_code       nvarchar(12) NOT NULL,
    new_code       nvarchar(12) NOT NULL,
    effective_date date         NOT NULL,
    CONSTRAINT pk_organisation_successor PRIMARY KEY (old_code, new_code)
);
