-- Survey returns: one per loaded workbook, its lines as written, and the fact cells derived from the lines.

CREATE TABLE staffdata.survey_return (
    return_id                bigint        IDENTITY(1, 1) NOT NULL CONSTRAINT pk_survey_return PRIMARY KEY,
    batch_id                 bigint        NOT NULL CONSTRAINT ux_survey_return_batch UNIQUE CONSTRAINT fk_survey_return_batch REFERENCES staffdata.load_batch (batch_id),
    organisation_id          int           NOT NULL CONSTRAINT fk_survey_return_organisation REFERENCES staffdata.dim_organisation (organisation_id),
    organisation_type_stated nvarchar(60)  NOT NULL,
    return_period            nvarchar(20)  NOT NULL,      -- '2024-25 Q2', '2024-25' or '2024-09'
    period_date_key          int           NOT NULL CONSTRAINT fk_survey_return_date REFERENCES staffdata.dim_date (date_key),
    service_area_id          int           NOT NULL CONSTRAINT fk_survey_return_service_area REFERENCES staffdata.dim_service_area (service_area_id),
    template_version         nvarchar(10)  NOT NULL,
    superseded_by_batch_id   bigint        NULL CONSTRAINT fk_survey_return_superseded REFERENCES staffdata.load_batch (batch_id)
);

CREATE INDEX ix_survey_return_key ON staffdata.survey_return (organisation_id, return_period, service_area_id);

CREATE TABLE staffdata.survey_line (
    return_id         bigint         NOT NULL CONSTRAINT fk_survey_line_return REFERENCES staffdata.survey_return (return_id),
    sheet_name        nvarchar(100)  NOT NULL,
    row_number        bigint         NOT NULL,
    horizon_years     tinyint        NOT NULL,            -- 0 for a workforce line; 5 or 10 for a projection
    role_as_written   nvarchar(400)  NOT NULL,
    grade_as_written  nvarchar(100)  NULL,
    role_id           int            NOT NULL CONSTRAINT fk_survey_line_role REFERENCES staffdata.dim_role (role_id),
    grade_id          int            NOT NULL CONSTRAINT fk_survey_line_grade REFERENCES staffdata.dim_grade (grade_id),
    rule_id           nvarchar(40)   NOT NULL,
    headcount         decimal(12, 4) NULL,
    wte_in_post       decimal(12, 4) NULL,
    establishment_wte decimal(12, 4) NULL,
    vacant_wte        decimal(12, 4) NULL,
    agency_locum_wte  decimal(12, 4) NULL,
    training_wte      decimal(12, 4) NULL,
    projected_wte     decimal(12, 4) NULL,
    driver            nvarchar(1000) NULL
);

CREATE INDEX ix_survey_line_return ON staffdata.survey_line (return_id);

CREATE TABLE staffdata.fact_survey_workforce (
    return_id         bigint         NOT NULL CONSTRAINT fk_survey_workforce_return REFERENCES staffdata.survey_return (return_id),
    role_id           int            NOT NULL CONSTRAINT fk_survey_workforce_role REFERENCES staffdata.dim_role (role_id),
    grade_id          int            NOT NULL CONSTRAINT fk_survey_workforce_grade REFERENCES staffdata.dim_grade (grade_id),
    headcount         decimal(12, 4) NULL,
    wte_in_post       decimal(12, 4) NULL,
    establishment_wte decimal(12, 4) NULL,
    vacant_wte        decimal(12, 4) NULL,
    agency_locum_wte  decimal(12, 4) NULL,
    training_wte      decimal(12, 4) NULL,
    source_rows       nvarchar(max)  NOT NULL,            -- 'Workforce!7,Workforce!9': where the figures came from
    rule_id           nvarchar(400)  NOT NULL,
    taxonomy_version  nvarchar(40)   NOT NULL,
    CONSTRAINT pk_fact_survey_workforce PRIMARY KEY (return_id, role_id, grade_id)
);

CREATE TABLE staffdata.fact_workforce_projection (
    return_id        bigint         NOT NULL CONSTRAINT fk_projection_return REFERENCES staffdata.survey_return (return_id),
    role_id          int            NOT NULL CONSTRAINT fk_projection_role REFERENCES staffdata.dim_role (role_id),
    grade_id         int            NOT NULL CONSTRAINT fk_projection_grade REFERENCES staffdata.dim_grade (grade_id),
    horizon_years    tinyint        NOT NULL CONSTRAINT ck_projection_horizon CHECK (horizon_years IN (5, 10)),
    projected_wte    decimal(12, 4) NOT NULL,
    driver           nvarchar(max)  NULL,
    source_rows      nvarchar(max)  NOT NULL,
    rule_id          nvarchar(400)  NOT NULL,
    taxonomy_version nvarchar(40)   NOT NULL,
    CONSTRAINT pk_fact_workforce_projection PRIMARY KEY (return_id, role_id, grade_id, horizon_years)
);

CREATE TABLE staffdata.fact_survey_comment (
    return_id    bigint         NOT NULL CONSTRAINT fk_survey_comment_return REFERENCES staffdata.survey_return (return_id),
    question     nvarchar(1000) NOT NULL,
    answer       nvarchar(max)  NOT NULL,
    source_sheet nvarchar(100)  NOT NULL,
    source_row   bigint         NOT NULL
);

CREATE TABLE staffdata.survey_warning (
    batch_id   bigint         NOT NULL CONSTRAINT fk_survey_warning_batch REFERENCES staffdata.load_batch (batch_id),
    sheet_name nvarchar(100)  NOT NULL,
    row_number bigint         NOT NULL,
    rule_code  varchar(60)    NOT NULL,
    message    nvarchar(1000) NOT NULL
);
