-- Plan runs (issue 21): `staffdata plan` reads the stock, flows, trainees and stated demand, runs the planning model
-- (src/StaffDataPipeline.Core/Planning) and records each run here. Nothing else writes these tables; a run is never
-- changed after it is recorded, so every figure names the data, assumptions, scenario and seed that produced it.

CREATE TABLE IF NOT EXISTS plan_run (
    run_id              INTEGER PRIMARY KEY,
    ran_at              TEXT    NOT NULL,             -- UTC, ISO 8601
    data_as_of          TEXT    NOT NULL,             -- the latest snapshot read (yyyy-mm-dd)
    assumptions_version TEXT    NOT NULL,             -- P. and a hash of training-pipelines.csv and planning-assumptions.csv
    scenario            TEXT    NOT NULL,             -- 'baseline' (scenarios: issue 22)
    seed                INTEGER NOT NULL,
    runs                INTEGER NOT NULL              -- Monte Carlo runs (0: the expected projection)
);

-- One row per run, unit (England, region, GLH or organisation), role or role family, and year 0 to 10.
-- Supply, demand and gap are FTE; gap = demand - supply (positive: a shortfall), null where no return states demand.
-- Commissions needed (starters a year from next year on the route that qualifies into the role, to close the gap at
-- that horizon) are on years 5 and 10 of the qualified role's line; null with commissions_note saying why.
-- An organisation's role under the threshold has rows with no figures and flags = 'organisation below threshold'.
CREATE TABLE IF NOT EXISTS plan_projection (
    run_id                   INTEGER NOT NULL REFERENCES plan_run (run_id),
    unit_kind                TEXT    NOT NULL CHECK (unit_kind IN ('national', 'region', 'glh', 'organisation')),
    unit_code                TEXT    NOT NULL,
    unit_name                TEXT    NOT NULL,
    role_code                TEXT    NOT NULL,     -- a role code, or the family name on a family line
    role_family              TEXT    NOT NULL,
    is_family                INTEGER NOT NULL CHECK (is_family IN (0, 1)),
    year                     INTEGER NOT NULL CHECK (year BETWEEN 0 AND 50),
    supply_fte_p10           REAL,
    supply_fte_p50           REAL,
    supply_fte_p90           REAL,
    supply_heads_p50         REAL,
    demand_fte               REAL,
    gap_fte_p10              REAL,
    gap_fte_p50              REAL,
    gap_fte_p90              REAL,
    commissions_route_code   TEXT,
    commissions_baseline     REAL,
    commissions_needed_p10   REAL,
    commissions_needed_p50   REAL,
    commissions_needed_p90   REAL,
    commissions_note         TEXT,
    observed_months          INTEGER NOT NULL,
    observed_person_years    REAL,
    flags                    TEXT,
    PRIMARY KEY (run_id, unit_kind, unit_code, is_family, role_code, year)
) WITHOUT ROWID;

-- Every route's commissions needed per unit and horizon (plan_projection carries the first route into each role).
CREATE TABLE IF NOT EXISTS plan_commission (
    run_id              INTEGER NOT NULL REFERENCES plan_run (run_id),
    unit_kind           TEXT    NOT NULL,
    unit_code           TEXT    NOT NULL,
    route_code          TEXT    NOT NULL,
    qualified_role_code TEXT    NOT NULL,
    horizon_years       INTEGER NOT NULL,
    baseline_per_year   REAL    NOT NULL,
    needed_p10          REAL,
    needed_p50          REAL,
    needed_p90          REAL,
    note                TEXT,
    PRIMARY KEY (run_id, unit_kind, unit_code, route_code, horizon_years)
) WITHOUT ROWID;

-- The views read the plan (issue 21). v_supply_projection keeps its columns and adds projected_fte_p10,
-- projected_fte_p90, run_id and flags: with a baseline plan run recorded it shows that run's organisation lines (the
-- latest run); with none it projects as before (0009/0012: each organisation's own observed flows, no range, P10 and
-- P90 null). v_supply_demand_gap reads it, adds observed_months, the P10 and P90 of the supply at 5 and 10 years
-- and flags, and now takes the latest current return per organisation AND service area: before, a cancer-arm return
-- for a later quarter hid the same organisation's rare-disease return.

DROP VIEW IF EXISTS v_supply_projection;
CREATE VIEW v_supply_projection AS
WITH RECURSIVE
latest AS (
    SELECT s.organisation_id, MAX(s.snapshot_date_key) AS latest_key FROM derived_organisation_snapshot s GROUP BY s.organisation_id),
latest_month AS (
    SELECT l.organisation_id, l.latest_key, d.year * 12 + d.month AS latest_index FROM latest l JOIN dim_date d ON d.date_key = l.latest_key),
stock AS (
    SELECT f.organisation_id, f.role_id, SUM(f.fte) AS fte
    FROM derived_workforce_summary f JOIN latest l ON l.organisation_id = f.organisation_id AND l.latest_key = f.snapshot_date_key
    GROUP BY f.organisation_id, f.role_id),
observed AS (
    -- Flows in the window before the latest snapshot: leavers and joiners per head of the average staff in post.
    SELECT w.organisation_id, w.role_id,
           SUM(w.leavers_headcount) * 1.0 AS leavers,
           SUM(ROUND(w.joiners_fte, 4)) * 1.0 AS joiners_fte,
           AVG((w.staff_in_post_start + w.staff_in_post_end) / 2.0) AS average_in_post,
           m.latest_index - MIN(ds.year * 12 + ds.month) AS months
    FROM derived_workforce_flow w
    JOIN latest_month m     ON m.organisation_id = w.organisation_id
    JOIN dim_date ds        ON ds.date_key = w.start_date_key
    CROSS JOIN supply_assumption a
    WHERE ds.year * 12 + ds.month >= m.latest_index - a.rate_window_months AND w.end_date_key <= m.latest_key
    GROUP BY w.organisation_id, w.role_id, m.latest_index),
rates AS (
    -- Only a full window gives rates: one month of flows scaled to a year would be noise. Leavers are a rate on the
    -- stock (people leave in proportion to those in post); joiners are FTE a year (posts are filled, whatever the stock).
    SELECT o.organisation_id, o.role_id, o.months,
           CASE WHEN o.months >= a.rate_window_months AND o.average_in_post > 0 THEN o.leavers / o.average_in_post * 12.0 / o.months ELSE 0.0 END AS leaver_rate,
           CASE WHEN o.months >= a.rate_window_months THEN o.joiners_fte * 12.0 / o.months ELSE 0.0 END AS joiners_per_year
    FROM observed o CROSS JOIN supply_assumption a),
base AS (
    -- Every role in post, and the qualified role of every trainee pool in post (it may have no one yet).
    SELECT s.organisation_id, s.role_id, s.fte FROM stock s
    UNION
    SELECT t.organisation_id, q.role_id, 0.0
    FROM stock t
    JOIN dim_role tr ON tr.role_id = t.role_id
    JOIN supply_training_route rt ON rt.trainee_role_code = tr.role_code
    JOIN dim_role q ON q.role_code = rt.qualified_role_code
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
    JOIN dim_role r ON r.role_id = b.role_id
    LEFT JOIN rates ra                     ON ra.organisation_id = b.organisation_id AND ra.role_id = b.role_id
    LEFT JOIN supply_training_route own    ON own.trainee_role_code = r.role_code
    LEFT JOIN supply_training_route feed   ON feed.qualified_role_code = r.role_code
    LEFT JOIN dim_role tr                  ON tr.role_code = feed.trainee_role_code
    LEFT JOIN stock pool                   ON pool.organisation_id = b.organisation_id AND pool.role_id = tr.role_id
    LEFT JOIN rates pr                     ON pr.organisation_id = b.organisation_id AND pr.role_id = tr.role_id),
projection (organisation_id, role_id, year, fte, pool_fte) AS (
    SELECT organisation_id, role_id, 0 AS year, fte, pool_fte FROM model
    UNION ALL
    -- A year on: leavers go at the observed rate and joiners come at the observed FTE a year; 1/years of a trainee
    -- pool finishes training and its completion rate joins the qualified role. Never below zero.
    SELECT p.organisation_id, p.role_id, p.year + 1,
           MAX(0.0, p.fte * (1.0 - m.leaver_rate) + m.joiners_per_year
                    - CASE WHEN m.own_training_years > 0 THEN p.fte / m.own_training_years ELSE 0.0 END
                    + CASE WHEN m.feed_training_years > 0 THEN p.pool_fte * m.feed_completion_rate / m.feed_training_years ELSE 0.0 END),
           MAX(0.0, p.pool_fte * (1.0 - m.pool_leaver_rate) + m.pool_joiners_per_year
                    - CASE WHEN m.feed_training_years > 0 THEN p.pool_fte / m.feed_training_years ELSE 0.0 END)
    FROM projection p
    JOIN model m ON m.organisation_id = p.organisation_id AND m.role_id = p.role_id
    WHERE p.year < 10)
SELECT
    o.organisation_code     AS organisation_code,
    r.role_code             AS role_code,
    p.year                  AS horizon_years,
    ROUND(p.fte, 4)         AS projected_fte,
    a.assumptions_version   AS assumptions_version,
    m.observed_months       AS observed_months,
    NULL                    AS projected_fte_p10,
    NULL                    AS projected_fte_p90,
    NULL                    AS run_id,
    NULL                    AS flags
FROM projection p
JOIN model m            ON m.organisation_id = p.organisation_id AND m.role_id = p.role_id
JOIN dim_organisation o ON o.organisation_id = p.organisation_id
JOIN dim_role r         ON r.role_id = p.role_id
CROSS JOIN supply_assumption a
WHERE p.year IN (5, 10) AND NOT EXISTS (SELECT 1 FROM plan_run WHERE scenario = 'baseline')
UNION ALL
-- The latest baseline plan run: an organisation's own line (P50, with P10 and P90), or no figure with flags saying the
-- organisation is below the threshold for the role (read its region or GLH in plan_projection).
SELECT
    pp.unit_code            AS organisation_code,
    pp.role_code            AS role_code,
    pp.year                 AS horizon_years,
    pp.supply_fte_p50       AS projected_fte,
    pr.assumptions_version  AS assumptions_version,
    pp.observed_months      AS observed_months,
    pp.supply_fte_p10       AS projected_fte_p10,
    pp.supply_fte_p90       AS projected_fte_p90,
    pp.run_id               AS run_id,
    pp.flags                AS flags
FROM plan_projection pp
JOIN plan_run pr ON pr.run_id = pp.run_id
WHERE pp.run_id = (SELECT MAX(run_id) FROM plan_run WHERE scenario = 'baseline')
  AND pp.unit_kind = 'organisation' AND pp.is_family = 0 AND pp.year IN (5, 10);

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
      AND s.period_date_key = (SELECT MAX(period_date_key) FROM survey_return x
                               WHERE x.organisation_id = s.organisation_id AND x.service_area_id = s.service_area_id AND x.superseded_by_batch_id IS NULL)
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
           SUM(CASE WHEN sp.horizon_years = 10 THEN sp.projected_fte END) AS projected_supply_fte_10y,
           SUM(CASE WHEN sp.horizon_years = 5 THEN sp.projected_fte_p10 END) AS p10_5y,
           SUM(CASE WHEN sp.horizon_years = 5 THEN sp.projected_fte_p90 END) AS p90_5y,
           SUM(CASE WHEN sp.horizon_years = 10 THEN sp.projected_fte_p10 END) AS p10_10y,
           SUM(CASE WHEN sp.horizon_years = 10 THEN sp.projected_fte_p90 END) AS p90_10y,
           MAX(sp.observed_months) AS observed_months,
           MAX(sp.flags) AS flags
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
         WHEN p.service_area_id = u.service_area_id THEN pr.projected_supply_fte_10y END AS projected_supply_fte_10y,
    pr.observed_months        AS observed_months,
    CASE WHEN t.fte > 0 AND e.fte = t.fte THEN pr.p10_5y
         WHEN t.fte > 0 THEN ROUND(pr.p10_5y * COALESCE(e.fte, 0.0) / t.fte, 4)
         WHEN p.service_area_id = u.service_area_id THEN pr.p10_5y END AS projected_supply_fte_5y_p10,
    CASE WHEN t.fte > 0 AND e.fte = t.fte THEN pr.p90_5y
         WHEN t.fte > 0 THEN ROUND(pr.p90_5y * COALESCE(e.fte, 0.0) / t.fte, 4)
         WHEN p.service_area_id = u.service_area_id THEN pr.p90_5y END AS projected_supply_fte_5y_p90,
    CASE WHEN t.fte > 0 AND e.fte = t.fte THEN pr.p10_10y
         WHEN t.fte > 0 THEN ROUND(pr.p10_10y * COALESCE(e.fte, 0.0) / t.fte, 4)
         WHEN p.service_area_id = u.service_area_id THEN pr.p10_10y END AS projected_supply_fte_10y_p10,
    CASE WHEN t.fte > 0 AND e.fte = t.fte THEN pr.p90_10y
         WHEN t.fte > 0 THEN ROUND(pr.p90_10y * COALESCE(e.fte, 0.0) / t.fte, 4)
         WHEN p.service_area_id = u.service_area_id THEN pr.p90_10y END AS projected_supply_fte_10y_p90,
    pr.flags                  AS flags
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
