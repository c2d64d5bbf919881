-- The analyst contract: the same view names, columns and meanings as sql/sqlite. A view has no ORDER BY.
-- current_organisation_code follows mergers (organisation_successor); organisation_code is the organisation as recorded.

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

CREATE OR ALTER VIEW staffdata.v_load_history AS
SELECT
    b.batch_id, b.file_name, b.sha256, b.status, b.rows_read, b.rows_loaded, b.rows_out_of_scope,
    b.rows_excluded, b.rows_rejected, b.started_at, b.finished_at, b.reason_code
FROM staffdata.load_batch b;
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

-- Today's supply (the latest ESR snapshot of each organisation) beside the stated demand (its latest return period,
-- all service areas summed), per organisation and role.
CREATE OR ALTER VIEW staffdata.v_supply_demand_gap AS
WITH latest_esr AS (
    SELECT f.organisation_id, MAX(f.snapshot_date_key) AS date_key FROM staffdata.fact_staff_in_post f GROUP BY f.organisation_id
),
esr AS (
    SELECT f.organisation_id, f.role_id, l.date_key, SUM(f.fte) AS fte
    FROM staffdata.fact_staff_in_post f JOIN latest_esr l ON l.organisation_id = f.organisation_id AND l.date_key = f.snapshot_date_key
    GROUP BY f.organisation_id, f.role_id, l.date_key
),
current_return AS (
    SELECT s.return_id, s.organisation_id FROM staffdata.survey_return s
    WHERE s.superseded_by_batch_id IS NULL
      AND s.period_date_key = (SELECT MAX(x.period_date_key) FROM staffdata.survey_return x WHERE x.organisation_id = s.organisation_id AND x.superseded_by_batch_id IS NULL)
),
supply AS (
    SELECT c.organisation_id, f.role_id, SUM(f.establishment_wte) AS establishment_wte, SUM(f.vacant_wte) AS vacant_wte
    FROM staffdata.fact_survey_workforce f JOIN current_return c ON c.return_id = f.return_id GROUP BY c.organisation_id, f.role_id
),
demand AS (
    SELECT c.organisation_id, p.role_id,
           SUM(CASE WHEN p.horizon_years = 5 THEN p.projected_wte END) AS projected_wte_5y,
           SUM(CASE WHEN p.horizon_years = 10 THEN p.projected_wte END) AS projected_wte_10y
    FROM staffdata.fact_workforce_projection p JOIN current_return c ON c.return_id = p.return_id GROUP BY c.organisation_id, p.role_id
),
pairs AS (
    SELECT e.organisation_id, e.role_id FROM esr e UNION SELECT s.organisation_id, s.role_id FROM supply s UNION SELECT m.organisation_id, m.role_id FROM demand m
)
SELECT
    o.organisation_code                         AS organisation_code,
    r.role_code                                 AS role_code,
    d.calendar_date                             AS esr_snapshot_date,
    CAST(ROUND(e.fte, 4) AS decimal(12, 4))     AS esr_fte,
    s.establishment_wte                         AS establishment_wte,
    s.vacant_wte                                AS vacant_wte,
    m.projected_wte_5y                          AS projected_wte_5y,
    m.projected_wte_10y                         AS projected_wte_10y
FROM pairs p
JOIN staffdata.dim_organisation o ON o.organisation_id = p.organisation_id
JOIN staffdata.dim_role r         ON r.role_id = p.role_id
LEFT JOIN esr e                   ON e.organisation_id = p.organisation_id AND e.role_id = p.role_id
LEFT JOIN latest_esr l            ON l.organisation_id = p.organisation_id
LEFT JOIN staffdata.dim_date d    ON d.date_key = l.date_key
LEFT JOIN supply s                ON s.organisation_id = p.organisation_id AND s.role_id = p.role_id
LEFT JOIN demand m                ON m.organisation_id = p.organisation_id AND m.role_id = p.role_id;
GO
