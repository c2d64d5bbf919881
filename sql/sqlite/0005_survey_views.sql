-- Survey views of the analyst contract. Only current (not superseded) returns count.

DROP VIEW IF EXISTS v_survey_workforce;
CREATE VIEW v_survey_workforce AS
SELECT
    s.return_period            AS return_period,
    o.organisation_code        AS organisation_code,
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
    s.return_period, o.organisation_code, a.service_area_name AS service_area, r.role_code, g.grade_label AS grade,
    f.horizon_years, f.projected_wte
FROM fact_workforce_projection f
JOIN survey_return s     ON s.return_id = f.return_id AND s.superseded_by_batch_id IS NULL
JOIN dim_organisation o  ON o.organisation_id = s.organisation_id
JOIN dim_service_area a  ON a.service_area_id = s.service_area_id
JOIN dim_role r          ON r.role_id = f.role_id
JOIN dim_grade g         ON g.grade_id = f.grade_id;

-- Today's supply (the latest ESR snapshot of each organisation) beside the stated demand (its latest return period,
-- all service areas summed), per organisation and role.
DROP VIEW IF EXISTS v_supply_demand_gap;
CREATE VIEW v_supply_demand_gap AS
WITH latest_esr AS (
    SELECT organisation_id, MAX(snapshot_date_key) AS date_key FROM fact_staff_in_post GROUP BY organisation_id
),
esr AS (
    SELECT f.organisation_id, f.role_id, l.date_key, SUM(f.fte) AS fte
    FROM fact_staff_in_post f JOIN latest_esr l ON l.organisation_id = f.organisation_id AND l.date_key = f.snapshot_date_key
    GROUP BY f.organisation_id, f.role_id, l.date_key
),
current_return AS (
    SELECT s.* FROM survey_return s
    WHERE s.superseded_by_batch_id IS NULL
      AND s.period_date_key = (SELECT MAX(period_date_key) FROM survey_return x WHERE x.organisation_id = s.organisation_id AND x.superseded_by_batch_id IS NULL)
),
supply AS (
    SELECT c.organisation_id, f.role_id, SUM(f.establishment_wte) AS establishment_wte, SUM(f.vacant_wte) AS vacant_wte
    FROM fact_survey_workforce f JOIN current_return c ON c.return_id = f.return_id GROUP BY c.organisation_id, f.role_id
),
demand AS (
    SELECT c.organisation_id, p.role_id,
           SUM(CASE WHEN p.horizon_years = 5 THEN p.projected_wte END) AS projected_wte_5y,
           SUM(CASE WHEN p.horizon_years = 10 THEN p.projected_wte END) AS projected_wte_10y
    FROM fact_workforce_projection p JOIN current_return c ON c.return_id = p.return_id GROUP BY c.organisation_id, p.role_id
),
pairs AS (
    SELECT organisation_id, role_id FROM esr UNION SELECT organisation_id, role_id FROM supply UNION SELECT organisation_id, role_id FROM demand
)
SELECT
    o.organisation_code       AS organisation_code,
    r.role_code               AS role_code,
    d.calendar_date           AS esr_snapshot_date,
    ROUND(e.fte, 4)           AS esr_fte,
    s.establishment_wte       AS establishment_wte,
    s.vacant_wte              AS vacant_wte,
    m.projected_wte_5y        AS projected_wte_5y,
    m.projected_wte_10y       AS projected_wte_10y
FROM pairs p
JOIN dim_organisation o ON o.organisation_id = p.organisation_id
JOIN dim_role r         ON r.role_id = p.role_id
LEFT JOIN esr e         ON e.organisation_id = p.organisation_id AND e.role_id = p.role_id
LEFT JOIN latest_esr l  ON l.organisation_id = p.organisation_id
LEFT JOIN dim_date d    ON d.date_key = l.date_key
LEFT JOIN supply s      ON s.organisation_id = p.organisation_id AND s.role_id = p.role_id
LEFT JOIN demand m      ON m.organisation_id = p.organisation_id AND m.role_id = p.role_id;
