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

ALTER TABLE staffdata.dim_organisation ADD open_date date NULL, close_date date NULL, current_organisation_code nvarchar(12) NULL;
GO

GRANT SELECT ON staffdata.ods_organisation TO staffdata_analyst;
GRANT SELECT ON staffdata.organisation_successor TO staffdata_analyst;
GO

CREATE OR ALTER VIEW staffdata.v_workforce_summary AS
SELECT
    d.calendar_date                                             AS snapshot_date,
    o.organisation_code                                         AS organisation_code,
    COALESCE(o.current_organisation_code, o.organisation_code)  AS current_organisation_code,
    r.role_code                                                 AS role_code,
    g.grade_label                                               AS grade,
    COUNT(DISTINCT f.person_id)                                 AS headcount,
    CAST(ROUND(SUM(f.fte), 4) AS decimal(12, 4))                AS fte,
    COUNT_BIG(*)                                                AS assignments
FROM staffdata.fact_staff_in_post f
JOIN staffdata.dim_date d         ON d.date_key = f.snapshot_date_key
JOIN staffdata.dim_organisation o ON o.organisation_id = f.organisation_id
JOIN staffdata.dim_role r         ON r.role_id = f.role_id
JOIN staffdata.dim_grade g        ON g.grade_id = f.grade_id
GROUP BY d.calendar_date, o.organisation_code, o.current_organisation_code, r.role_code, g.grade_label;
GO

CREATE OR ALTER VIEW staffdata.v_survey_workforce AS
SELECT
    s.return_period            AS return_period,
    o.organisation_code        AS organisation_code,
    COALESCE(o.current_organisation_code, o.organisation_code) AS current_organisation_code,
    a.service_area_name        AS service_area,
    r.role_code                AS role_code,
    g.grade_label              AS grade,
    f.headcount                AS headcount,
    f.wte_in_post              AS wte_in_post,
    f.establishment_wte        AS establishment_wte,
    f.vacant_wte               AS vacant_wte,
    f.agency_locum_wte         AS agency_locum_wte,
    f.training_wte             AS training_wte
FROM staffdata.fact_survey_workforce f
JOIN staffdata.survey_return s     ON s.return_id = f.return_id AND s.superseded_by_batch_id IS NULL
JOIN staffdata.dim_organisation o  ON o.organisation_id = s.organisation_id
JOIN staffdata.dim_service_area a  ON a.service_area_id = s.service_area_id
JOIN staffdata.dim_role r          ON r.role_id = f.role_id
JOIN staffdata.dim_grade g         ON g.grade_id = f.grade_id;
GO

CREATE OR ALTER VIEW staffdata.v_workforce_projection AS
SELECT
    s.return_period            AS return_period,
    o.organisation_code        AS organisation_code,
    COALESCE(o.current_organisation_code, o.organisation_code) AS current_organisation_code,
    a.service_area_name        AS service_area,
    r.role_code                AS role_code,
    g.grade_label              AS grade,
    f.horizon_years            AS horizon_years,
    f.projected_wte            AS projected_wte
FROM staffdata.fact_workforce_projection f
JOIN staffdata.survey_return s     ON s.return_id = f.return_id AND s.superseded_by_batch_id IS NULL
JOIN staffdata.dim_organisation o  ON o.organisation_id = s.organisation_id
JOIN staffdata.dim_service_area a  ON a.service_area_id = s.service_area_id
JOIN staffdata.dim_role r          ON r.role_id = f.role_id
JOIN staffdata.dim_grade g         ON g.grade_id = f.grade_id;
GO
