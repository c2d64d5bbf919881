-- Organisations from the NHS ODS releases (staffdata organisations import): every trust and site with its parent,
-- region (national grouping) and dates; and mergers (organisation-successors.csv), which the views follow.

CREATE TABLE IF NOT EXISTS ods_organisation (
    organisation_code TEXT PRIMARY KEY,             -- 3 characters for a trust, 5 for a site
    organisation_name TEXT NOT NULL,                -- in readable case
    parent_code       TEXT,                         -- a site's trust
    national_grouping TEXT,
    open_date         TEXT,
    close_date        TEXT
);

CREATE TABLE IF NOT EXISTS organisation_successor (
    old_code       TEXT NOT NULL,
    new_code       TEXT NOT NULL,
    effective_date TEXT NOT NULL,
    PRIMARY KEY (old_code, new_code)
);

ALTER TABLE dim_organisation ADD COLUMN open_date TEXT;
ALTER TABLE dim_organisation ADD COLUMN close_date TEXT;
-- The organisation this one is today, following organisation_successor; NULL when it has no successor.
ALTER TABLE dim_organisation ADD COLUMN current_organisation_code TEXT;

-- The analyst views gain current_organisation_code beside organisation_code (as recorded), so that a time series
-- across a merger can be read either way.
DROP VIEW IF EXISTS v_workforce_summary;
CREATE VIEW v_workforce_summary AS
SELECT
    d.calendar_date                                          AS snapshot_date,
    o.organisation_code                                      AS organisation_code,
    COALESCE(o.current_organisation_code, o.organisation_code) AS current_organisation_code,
    r.role_code                                              AS role_code,
    g.grade_label                                            AS grade,
    COUNT(DISTINCT f.person_id)                              AS headcount,
    ROUND(SUM(f.fte), 4)                                     AS fte,
    COUNT(*)                                                 AS assignments
FROM fact_staff_in_post f
JOIN dim_date d         ON d.date_key = f.snapshot_date_key
JOIN dim_organisation o ON o.organisation_id = f.organisation_id
JOIN dim_role r         ON r.role_id = f.role_id
JOIN dim_grade g        ON g.grade_id = f.grade_id
GROUP BY d.calendar_date, o.organisation_code, o.current_organisation_code, r.role_code, g.grade_label;

DROP VIEW IF EXISTS v_survey_workforce;
CREATE VIEW v_survey_workforce AS
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
FROM fact_survey_workforce f
JOIN survey_return s     ON s.return_id = f.return_id AND s.superseded_by_batch_id IS NULL
JOIN dim_organisation o  ON o.organisation_id = s.organisation_id
JOIN dim_service_area a  ON a.service_area_id = s.service_area_id
JOIN dim_role r          ON r.role_id = f.role_id
JOIN dim_grade g         ON g.grade_id = f.grade_id;

DROP VIEW IF EXISTS v_workforce_projection;
CREATE VIEW v_workforce_projection AS
SELECT
    s.return_period            AS return_period,
    o.organisation_code        AS organisation_code,
    COALESCE(o.current_organisation_code, o.organisation_code) AS current_organisation_code,
    a.service_area_name        AS service_area,
    r.role_code                AS role_code,
    g.grade_label              AS grade,
    f.horizon_years            AS horizon_years,
    f.projected_wte            AS projected_wte
FROM fact_workforce_projection f
JOIN survey_return s     ON s.return_id = f.return_id AND s.superseded_by_batch_id IS NULL
JOIN dim_organisation o  ON o.organisation_id = s.organisation_id
JOIN dim_service_area a  ON a.service_area_id = s.service_area_id
JOIN dim_role r          ON r.role_id = f.role_id
JOIN dim_grade g         ON g.grade_id = f.grade_id;
