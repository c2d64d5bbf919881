-- The same plan tables and views as sql/sqlite/0013_plan_runs.sql, in T-SQL (issue 21). `staffdata plan` records each
-- run; the views read the latest baseline run, or project as before when there is none.

CREATE TABLE staffdata.plan_run (
    run_id              bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_plan_run PRIMARY KEY,
    ran_at              datetime2(3)   NOT NULL,
    data_as_of          date           NOT NULL,
    assumptions_version nvarchar(64)   NOT NULL,
    scenario            nvarchar(100)  NOT NULL,
    seed                bigint         NOT NULL,
    runs                int            NOT NULL
);
GO

CREATE TABLE staffdata.plan_projection (
    run_id                   bigint        NOT NULL CONSTRAINT fk_plan_projection_run REFERENCES staffdata.plan_run (run_id),
    unit_kind                nvarchar(20)  NOT NULL CONSTRAINT ck_plan_projection_kind CHECK (unit_kind IN (N'national', N'region', N'glh', N'organisation')),
    unit_code                nvarchar(100) NOT NULL,
    unit_name                nvarchar(400) NOT NULL,
    role_code                nvarchar(100) NOT NULL,
    role_family              nvarchar(100) NOT NULL,
    is_family                bit           NOT NULL,
    [year]                   int           NOT NULL,
    supply_fte_p10           float NULL,
    supply_fte_p50           float NULL,
    supply_fte_p90           float NULL,
    supply_heads_p50         float NULL,
    demand_fte               float NULL,
    gap_fte_p10              float NULL,
    gap_fte_p50              float NULL,
    gap_fte_p90              float NULL,
    commissions_route_code   nvarchar(40) NULL,
    commissions_baseline     float NULL,
    commissions_needed_p10   float NULL,
    commissions_needed_p50   float NULL,
    commissions_needed_p90   float NULL,
    commissions_note         nvarchar(400) NULL,
    observed_months          int NOT NULL,
    observed_person_years    float NULL,
    flags                    nvarchar(400) NULL,
    CONSTRAINT pk_plan_projection PRIMARY KEY (run_id, unit_kind, unit_code, is_family, role_code, [year])
);
GO

CREATE TABLE staffdata.plan_commission (
    run_id              bigint        NOT NULL CONSTRAINT fk_plan_commission_run REFERENCES staffdata.plan_run (run_id),
    unit_kind           nvarchar(20)  NOT NULL,
    unit_code           nvarchar(100) NOT NULL,
    route_code          nvarchar(40)  NOT NULL,
    qualified_role_code nvarchar(100) NOT NULL,
    horizon_years       int           NOT NULL,
    baseline_per_year   float         NOT NULL,
    needed_p10          float NULL,
    needed_p50          float NULL,
    needed_p90          float NULL,
    note                nvarchar(400) NULL,
    CONSTRAINT pk_plan_commission PRIMARY KEY (run_id, unit_kind, unit_code, route_code, horizon_years)
);
GO

CREATE OR ALTER VIEW staffdata.v_supply_projection AS
WITH
latest AS (
    SELECT s.organisation_id, MAX(s.snapshot_date_key) AS latest_key FROM staffdata.derived_organisation_snapshot s GROUP BY s.organisation_id),
latest_month AS (
    SELECT l.organisation_id, l.latest_key, d.[year] * 12 + d.[month] AS latest_index FROM latest l JOIN staffdata.dim_date d ON d.date_key = l.latest_key),
stock AS (
    SELECT f.organisation_id, f.role_id, SUM(f.fte) AS fte
    FROM staffdata.derived_workforce_summary f JOIN latest l ON l.organisation_id = f.organisation_id AND l.latest_key = f.snapshot_date_key
    GROUP BY f.organisation_id, f.role_id),
observed AS (
    -- Flows in the window before the latest snapshot: leavers and joiners per head of the average staff in post.
    SELECT w.organisation_id, w.role_id,
           SUM(w.leavers_headcount) * 1.0 AS leavers,
           SUM(w.joiners_fte) * 1.0 AS joiners_fte,
           AVG((w.staff_in_post_start + w.staff_in_post_end) / 2.0) AS average_in_post,
           m.latest_index - MIN(ds.[year] * 12 + ds.[month]) AS months
    FROM staffdata.derived_workforce_flow w
    JOIN latest_month m               ON m.organisation_id = w.organisation_id
    JOIN staffdata.dim_date ds        ON ds.date_key = w.start_date_key
    CROSS JOIN staffdata.supply_assumption a
    WHERE ds.[year] * 12 + ds.[month] >= m.latest_index - a.rate_window_months AND w.end_date_key <= m.latest_key
    GROUP BY w.organisation_id, w.role_id, m.latest_index),
rates AS (
    -- Only a full window gives rates: one month of flows scaled to a year would be noise. Leavers are a rate on the
    -- stock (people leave in proportion to those in post); joiners are FTE a year (posts are filled, whatever the stock).
    SELECT o.organisation_id, o.role_id, o.months,
           CASE WHEN o.months >= a.rate_window_months AND o.average_in_post > 0 THEN o.leavers / o.average_in_post * 12.0 / o.months ELSE 0.0 END AS leaver_rate,
           CASE WHEN o.months >= a.rate_window_months THEN o.joiners_fte * 12.0 / o.months ELSE 0.0 END AS joiners_per_year
    FROM observed o CROSS JOIN staffdata.supply_assumption a),
base AS (
    -- Every role in post, and the qualified role of every trainee pool in post (it may have no one yet).
    SELECT s.organisation_id, s.role_id, s.fte FROM stock s
    UNION
    SELECT t.organisation_id, q.role_id, 0.0
    FROM stock t
    JOIN staffdata.dim_role tr ON tr.role_id = t.role_id
    JOIN staffdata.supply_training_route rt ON rt.trainee_role_code = tr.role_code
    JOIN staffdata.dim_role q ON q.role_code = rt.qualified_role_code
    WHERE NOT EXISTS (SELECT 1 FROM stock s2 WHERE s2.organisation_id = t.organisation_id AND s2.role_id = q.role_id)),
model AS (
    -- One row per organisation and role: its stock and rates; for a trainee role its training length; for a
    -- qualified role the trainee pool that feeds it.
    SELECT b.organisation_id, b.role_id, b.fte,
           COALESCE(ra.leaver_rate, 0.0) AS leaver_rate, COALESCE(ra.joiners_per_year, 0.0) AS joiners_per_year,
           COALESCE(ra.months, 0) AS observed_months,
           COALESCE(own.training_years, 0.0) AS own_training_years,
           COALESCE(pool.fte, 0.0) AS pool_fte,
           COALESCE(pr.leaver_rate, 0.0) AS pool_leaver_rate, COALESCE(pr.joiners_per_year, 0.0) AS pool_joiners_per_year,
           COALESCE(feed.training_years, 0.0) AS feed_training_years, COALESCE(feed.completion_rate, 0.0) AS feed_completion_rate
    FROM base b
    JOIN staffdata.dim_role r ON r.role_id = b.role_id
    LEFT JOIN rates ra                     ON ra.organisation_id = b.organisation_id AND ra.role_id = b.role_id
    LEFT JOIN staffdata.supply_training_route own    ON own.trainee_role_code = r.role_code
    LEFT JOIN staffdata.supply_training_route feed   ON feed.qualified_role_code = r.role_code
    LEFT JOIN staffdata.dim_role tr                  ON tr.role_code = feed.trainee_role_code
    LEFT JOIN stock pool                   ON pool.organisation_id = b.organisation_id AND pool.role_id = tr.role_id
    LEFT JOIN rates pr                     ON pr.organisation_id = b.organisation_id AND pr.role_id = tr.role_id),
projection (organisation_id, role_id, year, fte, pool_fte) AS (
    SELECT organisation_id, role_id, CAST(0 AS int) AS year, CAST(fte AS float) AS fte, CAST(pool_fte AS float) AS pool_fte FROM model
    UNION ALL
    -- A year on: leavers go at the observed rate and joiners come at the observed FTE a year; 1/years of a trainee
    -- pool finishes training and its completion rate joins the qualified role. Never below zero.
    SELECT p.organisation_id, p.role_id, p.year + 1,
           CAST(CASE WHEN p.fte * (1.0 - m.leaver_rate) + m.joiners_per_year
                    - CASE WHEN m.own_training_years > 0 THEN p.fte / m.own_training_years ELSE 0.0 END
                    + CASE WHEN m.feed_training_years > 0 THEN p.pool_fte * m.feed_completion_rate / m.feed_training_years ELSE 0.0 END < 0 THEN 0.0 ELSE p.fte * (1.0 - m.leaver_rate) + m.joiners_per_year
                    - CASE WHEN m.own_training_years > 0 THEN p.fte / m.own_training_years ELSE 0.0 END
                    + CASE WHEN m.feed_training_years > 0 THEN p.pool_fte * m.feed_completion_rate / m.feed_training_years ELSE 0.0 END END AS float),
           CAST(CASE WHEN p.pool_fte * (1.0 - m.pool_leaver_rate) + m.pool_joiners_per_year
                    - CASE WHEN m.feed_training_years > 0 THEN p.pool_fte / m.feed_training_years ELSE 0.0 END < 0 THEN 0.0 ELSE p.pool_fte * (1.0 - m.pool_leaver_rate) + m.pool_joiners_per_year
                    - CASE WHEN m.feed_training_years > 0 THEN p.pool_fte / m.feed_training_years ELSE 0.0 END END AS float)
    FROM projection p
    JOIN model m ON m.organisation_id = p.organisation_id AND m.role_id = p.role_id
    WHERE p.year < 10)
SELECT
    o.organisation_code     AS organisation_code,
    r.role_code             AS role_code,
    p.year                  AS horizon_years,
    CAST(ROUND(p.fte, 4) AS decimal(12, 4)) AS projected_fte,
    a.assumptions_version   AS assumptions_version,
    m.observed_months       AS observed_months,
    CAST(NULL AS decimal(12, 4)) AS projected_fte_p10,
    CAST(NULL AS decimal(12, 4)) AS projected_fte_p90,
    CAST(NULL AS bigint)    AS run_id,
    CAST(NULL AS nvarchar(400)) AS flags
FROM projection p
JOIN model m            ON m.organisation_id = p.organisation_id AND m.role_id = p.role_id
JOIN staffdata.dim_organisation o ON o.organisation_id = p.organisation_id
JOIN staffdata.dim_role r         ON r.role_id = p.role_id
CROSS JOIN staffdata.supply_assumption a
WHERE p.year IN (5, 10) AND NOT EXISTS (SELECT 1 FROM staffdata.plan_run x WHERE x.scenario = N'baseline')
UNION ALL
-- The latest baseline plan run: an organisation's own line (P50, with P10 and P90), or no figure with flags saying the
-- organisation is below the threshold for the role (read its region or GLH in plan_projection).
SELECT
    pp.unit_code            AS organisation_code,
    pp.role_code            AS role_code,
    pp.[year]               AS horizon_years,
    CAST(pp.supply_fte_p50 AS decimal(12, 4)) AS projected_fte,
    pr.assumptions_version  AS assumptions_version,
    pp.observed_months      AS observed_months,
    CAST(pp.supply_fte_p10 AS decimal(12, 4)) AS projected_fte_p10,
    CAST(pp.supply_fte_p90 AS decimal(12, 4)) AS projected_fte_p90,
    pp.run_id               AS run_id,
    pp.flags                AS flags
FROM staffdata.plan_projection pp
JOIN staffdata.plan_run pr ON pr.run_id = pp.run_id
WHERE pp.run_id = (SELECT MAX(x.run_id) FROM staffdata.plan_run x WHERE x.scenario = N'baseline')
  AND pp.unit_kind = N'organisation' AND pp.is_family = 0 AND pp.[year] IN (5, 10);
GO

-- Supply beside demand, now taking the latest current return per organisation AND service area.
CREATE OR ALTER VIEW staffdata.v_supply_demand_gap AS
WITH unspecified AS (
    SELECT a.service_area_id FROM staffdata.dim_service_area a WHERE a.service_area_code = N'UNSPECIFIED'
),
latest_esr AS (
    SELECT f.organisation_id, MAX(f.snapshot_date_key) AS date_key FROM staffdata.fact_staff_in_post f GROUP BY f.organisation_id
),
esr_stated AS (
    SELECT f.organisation_id, f.role_id, f.service_area_id, SUM(f.fte) AS fte
    FROM staffdata.fact_staff_in_post f JOIN latest_esr l ON l.organisation_id = f.organisation_id AND l.date_key = f.snapshot_date_key
    GROUP BY f.organisation_id, f.role_id, f.service_area_id
),
esr_total AS (
    SELECT organisation_id, role_id, SUM(fte) AS fte FROM esr_stated GROUP BY organisation_id, role_id
),
current_return AS (
    SELECT s.return_id, s.organisation_id, s.service_area_id FROM staffdata.survey_return s
    WHERE s.superseded_by_batch_id IS NULL
      AND s.period_date_key = (SELECT MAX(x.period_date_key) FROM staffdata.survey_return x
                               WHERE x.organisation_id = s.organisation_id AND x.service_area_id = s.service_area_id AND x.superseded_by_batch_id IS NULL)
),
supply_stated AS (
    SELECT c.organisation_id, f.role_id, c.service_area_id, SUM(f.establishment_wte) AS establishment_wte, SUM(f.vacant_wte) AS vacant_wte
    FROM staffdata.fact_survey_workforce f JOIN current_return c ON c.return_id = f.return_id GROUP BY c.organisation_id, f.role_id, c.service_area_id
),
demand_stated AS (
    SELECT c.organisation_id, p.role_id, c.service_area_id,
           SUM(CASE WHEN p.horizon_years = 5 THEN p.projected_wte END) AS projected_wte_5y,
           SUM(CASE WHEN p.horizon_years = 10 THEN p.projected_wte END) AS projected_wte_10y
    FROM staffdata.fact_workforce_projection p JOIN current_return c ON c.return_id = p.return_id GROUP BY c.organisation_id, p.role_id, c.service_area_id
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
           SUM(CASE WHEN sp.horizon_years = 10 THEN sp.projected_fte END) AS projected_supply_fte_10y,
           SUM(CASE WHEN sp.horizon_years = 5 THEN sp.projected_fte_p10 END) AS p10_5y,
           SUM(CASE WHEN sp.horizon_years = 5 THEN sp.projected_fte_p90 END) AS p90_5y,
           SUM(CASE WHEN sp.horizon_years = 10 THEN sp.projected_fte_p10 END) AS p10_10y,
           SUM(CASE WHEN sp.horizon_years = 10 THEN sp.projected_fte_p90 END) AS p90_10y,
           MAX(sp.observed_months) AS observed_months,
           MAX(sp.flags) AS flags
    FROM staffdata.v_supply_projection sp
    JOIN staffdata.dim_organisation o ON o.organisation_code = sp.organisation_code
    JOIN staffdata.dim_role r         ON r.role_code = sp.role_code
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
    CAST(ROUND(e.fte, 4) AS decimal(12, 4)) AS esr_fte,
    s.establishment_wte       AS establishment_wte,
    s.vacant_wte              AS vacant_wte,
    m.projected_wte_5y        AS projected_wte_5y,
    m.projected_wte_10y       AS projected_wte_10y,
    CAST(CASE WHEN t.fte > 0 AND e.fte = t.fte THEN pr.projected_supply_fte_5y
              WHEN t.fte > 0 THEN ROUND(pr.projected_supply_fte_5y * COALESCE(e.fte, 0.0) / t.fte, 4)
              WHEN p.service_area_id = u.service_area_id THEN pr.projected_supply_fte_5y END AS decimal(38, 4)) AS projected_supply_fte_5y,
    CAST(CASE WHEN t.fte > 0 AND e.fte = t.fte THEN pr.projected_supply_fte_10y
              WHEN t.fte > 0 THEN ROUND(pr.projected_supply_fte_10y * COALESCE(e.fte, 0.0) / t.fte, 4)
              WHEN p.service_area_id = u.service_area_id THEN pr.projected_supply_fte_10y END AS decimal(38, 4)) AS projected_supply_fte_10y,
    pr.observed_months        AS observed_months,
    CAST(CASE WHEN t.fte > 0 AND e.fte = t.fte THEN pr.p10_5y
              WHEN t.fte > 0 THEN ROUND(pr.p10_5y * COALESCE(e.fte, 0.0) / t.fte, 4)
              WHEN p.service_area_id = u.service_area_id THEN pr.p10_5y END AS decimal(38, 4)) AS projected_supply_fte_5y_p10,
    CAST(CASE WHEN t.fte > 0 AND e.fte = t.fte THEN pr.p90_5y
              WHEN t.fte > 0 THEN ROUND(pr.p90_5y * COALESCE(e.fte, 0.0) / t.fte, 4)
              WHEN p.service_area_id = u.service_area_id THEN pr.p90_5y END AS decimal(38, 4)) AS projected_supply_fte_5y_p90,
    CAST(CASE WHEN t.fte > 0 AND e.fte = t.fte THEN pr.p10_10y
              WHEN t.fte > 0 THEN ROUND(pr.p10_10y * COALESCE(e.fte, 0.0) / t.fte, 4)
              WHEN p.service_area_id = u.service_area_id THEN pr.p10_10y END AS decimal(38, 4)) AS projected_supply_fte_10y_p10,
    CAST(CASE WHEN t.fte > 0 AND e.fte = t.fte THEN pr.p90_10y
              WHEN t.fte > 0 THEN ROUND(pr.p90_10y * COALESCE(e.fte, 0.0) / t.fte, 4)
              WHEN p.service_area_id = u.service_area_id THEN pr.p90_10y END AS decimal(38, 4)) AS projected_supply_fte_10y_p90,
    pr.flags                  AS flags
FROM pairs p
CROSS JOIN unspecified u
JOIN staffdata.dim_organisation o ON o.organisation_id = p.organisation_id
JOIN staffdata.dim_service_area a ON a.service_area_id = p.service_area_id
JOIN staffdata.dim_role r         ON r.role_id = p.role_id
LEFT JOIN esr e         ON e.organisation_id = p.organisation_id AND e.role_id = p.role_id AND e.service_area_id = p.service_area_id
LEFT JOIN esr_total t   ON t.organisation_id = p.organisation_id AND t.role_id = p.role_id
LEFT JOIN latest_esr l  ON l.organisation_id = p.organisation_id
LEFT JOIN staffdata.dim_date d    ON d.date_key = l.date_key
LEFT JOIN supply s      ON s.organisation_id = p.organisation_id AND s.role_id = p.role_id AND s.service_area_id = p.service_area_id
LEFT JOIN demand m      ON m.organisation_id = p.organisation_id AND m.role_id = p.role_id AND m.service_area_id = p.service_area_id
LEFT JOIN projected pr  ON pr.organisation_id = p.organisation_id AND pr.role_id = p.role_id;
GO

GRANT SELECT ON staffdata.plan_run TO staffdata_analyst;
GRANT SELECT ON staffdata.plan_projection TO staffdata_analyst;
GRANT SELECT ON staffdata.plan_commission TO staffdata_analyst;
GO
