-- Projected supply: a stock-flow projection per organisation and role from the latest stock, the observed 12-month
-- leaver and joiner rates (v_workforce_flows) and the training routes, for 5 and 10 years. The assumptions are
-- reference data (supply-assumptions.csv, training-routes.csv), copied here at every start with their version.

CREATE TABLE IF NOT EXISTS supply_assumption (
    assumptions_version TEXT    PRIMARY KEY,
    rate_window_months  INTEGER NOT NULL CHECK (rate_window_months BETWEEN 1 AND 60)
);

CREATE TABLE IF NOT EXISTS supply_training_route (
    trainee_role_code   TEXT PRIMARY KEY,
    qualified_role_code TEXT NOT NULL UNIQUE,
    training_years      REAL NOT NULL CHECK (training_years > 0),
    completion_rate     REAL NOT NULL CHECK (completion_rate BETWEEN 0 AND 1)
);

DROP VIEW IF EXISTS v_supply_projection;
CREATE VIEW v_supply_projection AS
WITH RECURSIVE
latest AS (
    SELECT f.organisation_id, MAX(f.snapshot_date_key) AS latest_key FROM fact_staff_in_post f GROUP BY f.organisation_id),
latest_month AS (
    SELECT l.organisation_id, l.latest_key, d.year * 12 + d.month AS latest_index FROM latest l JOIN dim_date d ON d.date_key = l.latest_key),
stock AS (
    SELECT f.organisation_id, f.role_id, SUM(f.fte) AS fte
    FROM fact_staff_in_post f JOIN latest l ON l.organisation_id = f.organisation_id AND l.latest_key = f.snapshot_date_key
    GROUP BY f.organisation_id, f.role_id),
observed AS (
    -- Flows in the window before the latest snapshot: leavers and joiners per head of the average staff in post.
    SELECT o.organisation_id, r.role_id,
           SUM(w.leavers_headcount) * 1.0 AS leavers,
           SUM(w.joiners_fte) * 1.0 AS joiners_fte,
           AVG((w.staff_in_post_start + w.staff_in_post_end) / 2.0) AS average_in_post,
           m.latest_index - MIN(ds.year * 12 + ds.month) AS months
    FROM v_workforce_flows w
    JOIN dim_organisation o ON o.organisation_code = w.organisation_code
    JOIN dim_role r         ON r.role_code = w.role_code
    JOIN latest_month m     ON m.organisation_id = o.organisation_id
    JOIN dim_date ds        ON ds.calendar_date = w.period_start
    JOIN dim_date de        ON de.calendar_date = w.period_end
    CROSS JOIN supply_assumption a
    WHERE ds.year * 12 + ds.month >= m.latest_index - a.rate_window_months AND de.date_key <= m.latest_key
    GROUP BY o.organisation_id, r.role_id, m.latest_index),
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
    m.observed_months       AS observed_months
FROM projection p
JOIN model m            ON m.organisation_id = p.organisation_id AND m.role_id = p.role_id
JOIN dim_organisation o ON o.organisation_id = p.organisation_id
JOIN dim_role r         ON r.role_id = p.role_id
CROSS JOIN supply_assumption a
WHERE p.year IN (5, 10);

-- Projected supply beside stated demand.
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
    SELECT organisation_id, role_id FROM esr UNION SELECT organisation_id, role_id FROM supply UNION SELECT organisation_id, role_id FROM demand
    UNION SELECT organisation_id, role_id FROM projected
)
SELECT
    o.organisation_code       AS organisation_code,
    r.role_code               AS role_code,
    d.calendar_date           AS esr_snapshot_date,
    ROUND(e.fte, 4)           AS esr_fte,
    s.establishment_wte       AS establishment_wte,
    s.vacant_wte              AS vacant_wte,
    m.projected_wte_5y        AS projected_wte_5y,
    m.projected_wte_10y       AS projected_wte_10y,
    pr.projected_supply_fte_5y  AS projected_supply_fte_5y,
    pr.projected_supply_fte_10y AS projected_supply_fte_10y
FROM pairs p
JOIN dim_organisation o ON o.organisation_id = p.organisation_id
JOIN dim_role r         ON r.role_id = p.role_id
LEFT JOIN esr e         ON e.organisation_id = p.organisation_id AND e.role_id = p.role_id
LEFT JOIN latest_esr l  ON l.organisation_id = p.organisation_id
LEFT JOIN dim_date d    ON d.date_key = l.date_key
LEFT JOIN supply s      ON s.organisation_id = p.organisation_id AND s.role_id = p.role_id
LEFT JOIN demand m      ON m.organisation_id = p.organisation_id AND m.role_id = p.role_id
LEFT JOIN projected pr  ON pr.organisation_id = p.organisation_id AND pr.role_id = p.role_id;
