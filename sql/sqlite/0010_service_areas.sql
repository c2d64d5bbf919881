-- Service areas of ESR facts, decided from the post's place by reference-data/service-area-rules.csv (before this,
-- every ESR fact was Unspecified). Each fact records the rule that decided its service area; facts loaded before the
-- rules existed record NULL until `staffdata remap` decides them.
ALTER TABLE fact_staff_in_post ADD COLUMN service_area_rule TEXT;

-- The summary gains service_area (as v_survey_workforce has it), so cancer-arm staff can be counted apart.
DROP VIEW IF EXISTS v_workforce_summary;
CREATE VIEW v_workforce_summary AS
SELECT
    d.calendar_date                                          AS snapshot_date,
    o.organisation_code                                      AS organisation_code,
    COALESCE(o.current_organisation_code, o.organisation_code) AS current_organisation_code,
    a.service_area_name                                      AS service_area,
    r.role_code                                              AS role_code,
    g.grade_label                                            AS grade,
    COUNT(DISTINCT f.person_id)                              AS headcount,
    ROUND(SUM(f.fte), 4)                                     AS fte,
    COUNT(*)                                                 AS assignments
FROM fact_staff_in_post f
JOIN dim_date d         ON d.date_key = f.snapshot_date_key
JOIN dim_organisation o ON o.organisation_id = f.organisation_id
JOIN dim_service_area a ON a.service_area_id = f.service_area_id
JOIN dim_role r         ON r.role_id = f.role_id
JOIN dim_grade g        ON g.grade_id = f.grade_id
GROUP BY d.calendar_date, o.organisation_code, o.current_organisation_code, a.service_area_name, r.role_code, g.grade_label;

-- Supply beside demand by service area where both say it. For one organisation and role, an ESR service area meets
-- the survey's where the current returns state the same one; a service area only one side states (and ESR's
-- Unspecified) goes to the Unspecified row, which is how supply and demand met before service areas, so the
-- organisation-and-role totals are unchanged. The supply projection is by organisation and role (flows are not split
-- by service area): its rows share it in proportion to their latest ESR FTE, or it stays Unspecified without any.
DROP VIEW IF EXISTS v_supply_demand_gap;
CREATE VIEW v_supply_demand_gap AS
WITH unspecified AS (
    SELECT service_area_id FROM dim_service_area WHERE service_area_code = 'UNSPECIFIED'
),
latest_esr AS (
    SELECT organisation_id, MAX(snapshot_date_key) AS date_key FROM fact_staff_in_post GROUP BY organisation_id
),
esr_stated AS (
    SELECT f.organisation_id, f.role_id, f.service_area_id, SUM(f.fte) AS fte
    FROM fact_staff_in_post f JOIN latest_esr l ON l.organisation_id = f.organisation_id AND l.date_key = f.snapshot_date_key
    GROUP BY f.organisation_id, f.role_id, f.service_area_id
),
esr_total AS (
    SELECT organisation_id, role_id, SUM(fte) AS fte FROM esr_stated GROUP BY organisation_id, role_id
),
current_return AS (
    SELECT s.* FROM survey_return s
    WHERE s.superseded_by_batch_id IS NULL
      AND s.period_date_key = (SELECT MAX(period_date_key) FROM survey_return x WHERE x.organisation_id = s.organisation_id AND x.superseded_by_batch_id IS NULL)
),
supply_stated AS (
    SELECT c.organisation_id, f.role_id, c.service_area_id, SUM(f.establishment_wte) AS establishment_wte, SUM(f.vacant_wte) AS vacant_wte
    FROM fact_survey_workforce f JOIN current_return c ON c.return_id = f.return_id GROUP BY c.organisation_id, f.role_id, c.service_area_id
),
demand_stated AS (
    SELECT c.organisation_id, p.role_id, c.service_area_id,
           SUM(CASE WHEN p.horizon_years = 5 THEN p.projected_wte END) AS projected_wte_5y,
           SUM(CASE WHEN p.horizon_years = 10 THEN p.projected_wte END) AS projected_wte_10y
    FROM fact_workforce_projection p JOIN current_return c ON c.return_id = p.return_id GROUP BY c.organisation_id, p.role_id, c.service_area_id
),
survey_areas AS (
    SELECT organisation_id, role_id, service_area_id FROM supply_stated UNION SELECT organisation_id, role_id, service_area_id FROM demand_stated
),
esr_met AS (
    SELECT e.organisation_id, e.role_id, e.fte,
           CASE WHEN EXISTS (SELECT 1 FROM survey_areas s WHERE s.organisation_id = e.organisation_id AND s.role_id = e.role_id AND s.service_area_id = e.service_area_id)
                THEN e.service_area_id ELSE u.service_area_id END AS service_area_id
    FROM esr_stated e CROSS JOIN unspecified u
),
esr AS (
    SELECT organisation_id, role_id, service_area_id, SUM(fte) AS fte FROM esr_met GROUP BY organisation_id, role_id, service_area_id
),
supply_met AS (
    SELECT s.organisation_id, s.role_id, s.establishment_wte, s.vacant_wte,
           CASE WHEN EXISTS (SELECT 1 FROM esr_stated e WHERE e.organisation_id = s.organisation_id AND e.role_id = s.role_id AND e.service_area_id = s.service_area_id)
                THEN s.service_area_id ELSE u.service_area_id END AS service_area_id
    FROM supply_stated s CROSS JOIN unspecified u
),
supply AS (
    SELECT organisation_id, role_id, service_area_id, SUM(establishment_wte) AS establishment_wte, SUM(vacant_wte) AS vacant_wte
    FROM supply_met GROUP BY organisation_id, role_id, service_area_id
),
demand_met AS (
    SELECT m.organisation_id, m.role_id, m.projected_wte_5y, m.projected_wte_10y,
           CASE WHEN EXISTS (SELECT 1 FROM esr_stated e WHERE e.organisation_id = m.organisation_id AND e.role_id = m.role_id AND e.service_area_id = m.service_area_id)
                THEN m.service_area_id ELSE u.service_area_id END AS service_area_id
    FROM demand_stated m CROSS JOIN unspecified u
),
demand AS (
    SELECT organisation_id, role_id, service_area_id, SUM(projected_wte_5y) AS projected_wte_5y, SUM(projected_wte_10y) AS projected_wte_10y
    FROM demand_met GROUP BY organisation_id, role_id, service_area_id
),
projected AS (
    SELECT o.organisation_id, r.role_id,
           SUM(CASE WHEN sp.horizon_years = 5 THEN sp.projected_fte END) AS projected_supply_fte_5y,
           SUM(CASE WHEN sp.horizon_years = 10 THEN sp.projected_fte END) AS projected_supply_fte_10y
    FROM v_supply_projection sp
    JOIN dim_organisation o ON o.organisation_code = sp.organisation_code
    JOIN dim_role r         ON r.role_code = sp.role_code
    GROUP BY o.organisation_id, r.role_id
),
pairs AS (
    SELECT organisation_id, role_id, service_area_id FROM esr
    UNION SELECT organisation_id, role_id, service_area_id FROM supply
    UNION SELECT organisation_id, role_id, service_area_id FROM demand
    UNION SELECT x.organisation_id, x.role_id, u.service_area_id FROM projected x CROSS JOIN unspecified u
          WHERE NOT EXISTS (SELECT 1 FROM esr_total t WHERE t.organisation_id = x.organisation_id AND t.role_id = x.role_id AND t.fte > 0)
)
SELECT
    o.organisation_code       AS organisation_code,
    a.service_area_name       AS service_area,
    r.role_code               AS role_code,
    d.calendar_date           AS esr_snapshot_date,
    ROUND(e.fte, 4)           AS esr_fte,
    s.establishment_wte       AS establishment_wte,
    s.vacant_wte              AS vacant_wte,
    m.projected_wte_5y        AS projected_wte_5y,
    m.projected_wte_10y       AS projected_wte_10y,
    CASE WHEN t.fte > 0 AND e.fte = t.fte THEN pr.projected_supply_fte_5y
         WHEN t.fte > 0 THEN ROUND(pr.projected_supply_fte_5y * COALESCE(e.fte, 0.0) / t.fte, 4)
         WHEN p.service_area_id = u.service_area_id THEN pr.projected_supply_fte_5y END AS projected_supply_fte_5y,
    CASE WHEN t.fte > 0 AND e.fte = t.fte THEN pr.projected_supply_fte_10y
         WHEN t.fte > 0 THEN ROUND(pr.projected_supply_fte_10y * COALESCE(e.fte, 0.0) / t.fte, 4)
         WHEN p.service_area_id = u.service_area_id THEN pr.projected_supply_fte_10y END AS projected_supply_fte_10y
FROM pairs p
CROSS JOIN unspecified u
JOIN dim_organisation o ON o.organisation_id = p.organisation_id
JOIN dim_service_area a ON a.service_area_id = p.service_area_id
JOIN dim_role r         ON r.role_id = p.role_id
LEFT JOIN esr e         ON e.organisation_id = p.organisation_id AND e.role_id = p.role_id AND e.service_area_id = p.service_area_id
LEFT JOIN esr_total t   ON t.organisation_id = p.organisation_id AND t.role_id = p.role_id
LEFT JOIN latest_esr l  ON l.organisation_id = p.organisation_id
LEFT JOIN dim_date d    ON d.date_key = l.date_key
LEFT JOIN supply s      ON s.organisation_id = p.organisation_id AND s.role_id = p.role_id AND s.service_area_id = p.service_area_id
LEFT JOIN demand m      ON m.organisation_id = p.organisation_id AND m.role_id = p.role_id AND m.service_area_id = p.service_area_id
LEFT JOIN projected pr  ON pr.organisation_id = p.organisation_id AND pr.role_id = p.role_id;
