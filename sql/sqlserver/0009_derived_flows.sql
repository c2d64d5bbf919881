-- The same derived tables and views as sql/sqlite/0012_derived_flows.sql, in T-SQL (issue 19). Person-months,
-- snapshots, flows, 12-month turnover and the summary are tables filled set-based in the commit transaction of the
-- batch that changes their facts (SqlServerStatements.RefreshDerivedTables, over the organisation-months in #touched);
-- the analyst views read them, with unchanged columns and meanings. Nothing else writes these tables.

CREATE TABLE staffdata.derived_person_month (
    organisation_id   int           NOT NULL,
    snapshot_date_key int           NOT NULL,
    person_id         bigint        NOT NULL,
    role_id           int           NOT NULL,
    fte               decimal(9, 4) NOT NULL,
    national_identifier bit           NOT NULL,
    CONSTRAINT pk_derived_person_month PRIMARY KEY (organisation_id, snapshot_date_key, person_id)
);
-- Where else the person was in a month (movers); the month leads, so that a new month appends to the index.
CREATE INDEX ix_derived_person_month_month_person ON staffdata.derived_person_month (snapshot_date_key, person_id, organisation_id) INCLUDE (national_identifier);

CREATE TABLE staffdata.derived_organisation_snapshot (
    organisation_id   int NOT NULL,
    snapshot_date_key int NOT NULL,
    previous_date_key int NULL,
    CONSTRAINT pk_derived_organisation_snapshot PRIMARY KEY (organisation_id, snapshot_date_key)
);

CREATE TABLE staffdata.derived_workforce_flow (
    organisation_id                 int            NOT NULL,
    end_date_key                    int            NOT NULL,
    role_id                         int            NOT NULL,
    start_date_key                  int            NOT NULL,
    joiners_headcount               int            NOT NULL,
    joiners_fte                     decimal(12, 4) NOT NULL,
    leavers_headcount               int            NOT NULL,
    leavers_fte                     decimal(12, 4) NOT NULL,
    moves_in                        int            NOT NULL,
    moves_out                       int            NOT NULL,
    staff_in_post_start             int            NOT NULL,
    staff_in_post_end               int            NOT NULL,
    leavers_to_other_organisation   int            NOT NULL,
    joiners_from_other_organisation int            NOT NULL,
    CONSTRAINT pk_derived_workforce_flow PRIMARY KEY (organisation_id, end_date_key, role_id)
);

CREATE TABLE staffdata.derived_turnover (
    organisation_id     int NOT NULL,
    start_date_key      int NOT NULL,
    role_id             int NOT NULL,
    end_date_key        int NOT NULL,
    staff_in_post_start int NOT NULL,
    staff_in_post_end   int NOT NULL,
    still_in_post       int NOT NULL,
    CONSTRAINT pk_derived_turnover PRIMARY KEY (organisation_id, start_date_key, role_id)
);
CREATE INDEX ix_derived_turnover_end ON staffdata.derived_turnover (organisation_id, end_date_key);

CREATE TABLE staffdata.derived_workforce_summary (
    organisation_id   int            NOT NULL,
    snapshot_date_key int            NOT NULL,
    service_area_id   int            NOT NULL,
    role_id           int            NOT NULL,
    grade_id          int            NOT NULL,
    headcount         int            NOT NULL,
    fte               decimal(12, 4) NOT NULL,
    assignments       bigint         NOT NULL,
    CONSTRAINT pk_derived_workforce_summary PRIMARY KEY (organisation_id, snapshot_date_key, service_area_id, role_id, grade_id)
);
GO

-- Backfill for a warehouse loaded before this script: the refresh with every organisation-month touched.
DROP TABLE IF EXISTS #touched;
CREATE TABLE #touched (organisation_id int NOT NULL, snapshot_date_key int NOT NULL, PRIMARY KEY (organisation_id, snapshot_date_key));
INSERT INTO #touched (organisation_id, snapshot_date_key) SELECT DISTINCT f.organisation_id, f.snapshot_date_key FROM staffdata.fact_staff_in_post f;

DROP TABLE IF EXISTS #period;
CREATE TABLE #period (organisation_id int NOT NULL, end_date_key int NOT NULL, PRIMARY KEY (organisation_id, end_date_key));

DELETE p FROM staffdata.derived_person_month p JOIN #touched t ON t.organisation_id = p.organisation_id AND t.snapshot_date_key = p.snapshot_date_key;

INSERT INTO staffdata.derived_person_month (organisation_id, snapshot_date_key, person_id, role_id, fte, national_identifier)
SELECT r.organisation_id, r.snapshot_date_key, r.person_id, r.role_id, r.person_fte, r.national_identifier
FROM (
    SELECT f.organisation_id, f.snapshot_date_key, f.person_id, f.role_id,
           CASE WHEN b.person_identifier = 'national' THEN 1 ELSE 0 END AS national_identifier,
           ROW_NUMBER() OVER (PARTITION BY f.organisation_id, f.snapshot_date_key, f.person_id
                              ORDER BY COALESCE(f.is_primary, 0) DESC, f.fte DESC, f.role_id) AS rank_in_person,
           SUM(f.fte) OVER (PARTITION BY f.organisation_id, f.snapshot_date_key, f.person_id) AS person_fte
    FROM #touched t
    JOIN staffdata.fact_staff_in_post f ON f.organisation_id = t.organisation_id AND f.snapshot_date_key = t.snapshot_date_key
    JOIN staffdata.load_batch b ON b.batch_id = f.batch_id) AS r
WHERE r.rank_in_person = 1;

DELETE s FROM staffdata.derived_workforce_summary s JOIN #touched t ON t.organisation_id = s.organisation_id AND t.snapshot_date_key = s.snapshot_date_key;

INSERT INTO staffdata.derived_workforce_summary (organisation_id, snapshot_date_key, service_area_id, role_id, grade_id, headcount, fte, assignments)
SELECT f.organisation_id, f.snapshot_date_key, f.service_area_id, f.role_id, f.grade_id, COUNT(DISTINCT f.person_id), SUM(f.fte), COUNT_BIG(*)
FROM #touched t
JOIN staffdata.fact_staff_in_post f ON f.organisation_id = t.organisation_id AND f.snapshot_date_key = t.snapshot_date_key
GROUP BY f.organisation_id, f.snapshot_date_key, f.service_area_id, f.role_id, f.grade_id;

DELETE s FROM staffdata.derived_organisation_snapshot s JOIN #touched t ON t.organisation_id = s.organisation_id AND t.snapshot_date_key = s.snapshot_date_key;

INSERT INTO staffdata.derived_organisation_snapshot (organisation_id, snapshot_date_key, previous_date_key)
SELECT t.organisation_id, t.snapshot_date_key, NULL FROM #touched t
WHERE EXISTS (SELECT 1 FROM staffdata.derived_person_month p WHERE p.organisation_id = t.organisation_id AND p.snapshot_date_key = t.snapshot_date_key);

UPDATE s SET s.previous_date_key = (SELECT MAX(p.snapshot_date_key) FROM staffdata.derived_organisation_snapshot p
                                    WHERE p.organisation_id = s.organisation_id AND p.snapshot_date_key < s.snapshot_date_key)
FROM staffdata.derived_organisation_snapshot s
WHERE s.organisation_id IN (SELECT t.organisation_id FROM #touched t);

-- The pair's own period, the period into the organisation's next snapshot, and every organisation's periods ending or
-- starting in a touched month (their movers to and from other organisations).
INSERT INTO #period (organisation_id, end_date_key)
SELECT DISTINCT e.organisation_id, e.end_date_key
FROM (
    SELECT t.organisation_id, t.snapshot_date_key AS end_date_key FROM #touched t
    UNION
    SELECT t.organisation_id, (SELECT MIN(s.snapshot_date_key) FROM staffdata.derived_organisation_snapshot s
                               WHERE s.organisation_id = t.organisation_id AND s.snapshot_date_key > t.snapshot_date_key)
    FROM #touched t
    UNION
    SELECT s.organisation_id, s.snapshot_date_key FROM staffdata.derived_organisation_snapshot s
    WHERE s.snapshot_date_key IN (SELECT t.snapshot_date_key FROM #touched t) OR s.previous_date_key IN (SELECT t.snapshot_date_key FROM #touched t)) AS e
WHERE e.end_date_key IS NOT NULL;

DELETE w FROM staffdata.derived_workforce_flow w JOIN #period p ON p.organisation_id = w.organisation_id AND p.end_date_key = w.end_date_key;

WITH
periods AS (
    SELECT s.organisation_id, s.previous_date_key AS start_key, s.snapshot_date_key AS end_key
    FROM #period p
    JOIN staffdata.derived_organisation_snapshot s ON s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.end_date_key
    WHERE s.previous_date_key IS NOT NULL),
movements AS (
    -- In post at both ends: a stayer, or a move when the role changed.
    SELECT p.organisation_id, p.start_key, p.end_key, s.role_id AS start_role, e.role_id AS end_role, s.fte AS start_fte, e.fte AS end_fte,
           0 AS other_organisation
    FROM periods p
    JOIN staffdata.derived_person_month s ON s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.start_key
    JOIN staffdata.derived_person_month e ON e.organisation_id = p.organisation_id AND e.snapshot_date_key = p.end_key AND e.person_id = s.person_id
    UNION ALL
    -- In post at the start only: a leaver; one in post in another organisation at the end has moved there, which only
    -- the national identifier can tell (a trust's employee number means nothing in another trust).
    SELECT p.organisation_id, p.start_key, p.end_key, s.role_id, NULL, s.fte, NULL,
           CASE WHEN s.national_identifier = 1 AND EXISTS (
                    SELECT 1 FROM staffdata.derived_person_month x WHERE x.person_id = s.person_id AND x.snapshot_date_key = p.end_key
                    AND x.organisation_id <> p.organisation_id AND x.national_identifier = 1) THEN 1 ELSE 0 END
    FROM periods p
    JOIN staffdata.derived_person_month s ON s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.start_key
    WHERE NOT EXISTS (SELECT 1 FROM staffdata.derived_person_month e WHERE e.organisation_id = p.organisation_id AND e.snapshot_date_key = p.end_key AND e.person_id = s.person_id)
    UNION ALL
    -- In post at the end only: a joiner, from another organisation when the national identifier was there at the start.
    SELECT p.organisation_id, p.start_key, p.end_key, NULL, e.role_id, NULL, e.fte,
           CASE WHEN e.national_identifier = 1 AND EXISTS (
                    SELECT 1 FROM staffdata.derived_person_month x WHERE x.person_id = e.person_id AND x.snapshot_date_key = p.start_key
                    AND x.organisation_id <> p.organisation_id AND x.national_identifier = 1) THEN 1 ELSE 0 END
    FROM periods p
    JOIN staffdata.derived_person_month e ON e.organisation_id = p.organisation_id AND e.snapshot_date_key = p.end_key
    WHERE NOT EXISTS (SELECT 1 FROM staffdata.derived_person_month s WHERE s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.start_key AND s.person_id = e.person_id)),
by_role AS (
    -- Counted against the role at the start: staff in post at the start, leavers, moves out.
    SELECT m.organisation_id, m.start_key, m.end_key, m.start_role AS role_id,
           0 AS joiners_headcount, 0.0 AS joiners_fte,
           CASE WHEN m.end_role IS NULL THEN 1 ELSE 0 END AS leavers_headcount,
           CASE WHEN m.end_role IS NULL THEN m.start_fte ELSE 0.0 END AS leavers_fte,
           CASE WHEN m.end_role IS NULL THEN m.other_organisation ELSE 0 END AS leavers_to_other_organisation,
           0 AS joiners_from_other_organisation,
           0 AS moves_in,
           CASE WHEN m.end_role IS NOT NULL AND m.end_role <> m.start_role THEN 1 ELSE 0 END AS moves_out,
           1 AS staff_in_post_start, 0 AS staff_in_post_end
    FROM movements m WHERE m.start_role IS NOT NULL
    UNION ALL
    -- Counted against the role at the end: staff in post at the end, joiners, moves in.
    SELECT m.organisation_id, m.start_key, m.end_key, m.end_role,
           CASE WHEN m.start_role IS NULL THEN 1 ELSE 0 END,
           CASE WHEN m.start_role IS NULL THEN m.end_fte ELSE 0.0 END,
           0, 0.0,
           0,
           CASE WHEN m.start_role IS NULL THEN m.other_organisation ELSE 0 END,
           CASE WHEN m.start_role IS NOT NULL AND m.start_role <> m.end_role THEN 1 ELSE 0 END,
           0,
           0, 1
    FROM movements m WHERE m.end_role IS NOT NULL)
INSERT INTO staffdata.derived_workforce_flow (organisation_id, end_date_key, role_id, start_date_key, joiners_headcount, joiners_fte, leavers_headcount, leavers_fte,
    moves_in, moves_out, staff_in_post_start, staff_in_post_end, leavers_to_other_organisation, joiners_from_other_organisation)
SELECT b.organisation_id, b.end_key, b.role_id, b.start_key, SUM(b.joiners_headcount), SUM(b.joiners_fte), SUM(b.leavers_headcount), SUM(b.leavers_fte),
       SUM(b.moves_in), SUM(b.moves_out), SUM(b.staff_in_post_start), SUM(b.staff_in_post_end), SUM(b.leavers_to_other_organisation), SUM(b.joiners_from_other_organisation)
FROM by_role b
GROUP BY b.organisation_id, b.end_key, b.role_id, b.start_key;

DELETE d FROM staffdata.derived_turnover d
WHERE EXISTS (SELECT 1 FROM #touched t WHERE t.organisation_id = d.organisation_id AND (t.snapshot_date_key = d.start_date_key OR t.snapshot_date_key = d.end_date_key));

WITH
months AS (
    SELECT s.organisation_id, s.snapshot_date_key, d.[year] * 12 + d.[month] AS month_index
    FROM staffdata.derived_organisation_snapshot s JOIN staffdata.dim_date d ON d.date_key = s.snapshot_date_key
    WHERE s.organisation_id IN (SELECT t.organisation_id FROM #touched t)),
years AS (
    -- Both ends loaded, 12 months apart, one of them touched.
    SELECT s.organisation_id, s.snapshot_date_key AS start_key, e.snapshot_date_key AS end_key
    FROM months s JOIN months e ON e.organisation_id = s.organisation_id AND e.month_index = s.month_index + 12
    WHERE EXISTS (SELECT 1 FROM #touched t WHERE t.organisation_id = s.organisation_id AND t.snapshot_date_key IN (s.snapshot_date_key, e.snapshot_date_key))),
at_start AS (
    SELECT y.organisation_id, y.start_key, y.end_key, p.role_id, COUNT(*) AS staff_in_post_start, COUNT(e.person_id) AS still_in_post
    FROM years y JOIN staffdata.derived_person_month p ON p.organisation_id = y.organisation_id AND p.snapshot_date_key = y.start_key
    LEFT JOIN staffdata.derived_person_month e ON e.organisation_id = y.organisation_id AND e.snapshot_date_key = y.end_key AND e.person_id = p.person_id
    GROUP BY y.organisation_id, y.start_key, y.end_key, p.role_id),
at_end AS (
    SELECT y.organisation_id, y.start_key, y.end_key, p.role_id, COUNT(*) AS staff_in_post_end
    FROM years y JOIN staffdata.derived_person_month p ON p.organisation_id = y.organisation_id AND p.snapshot_date_key = y.end_key
    GROUP BY y.organisation_id, y.start_key, y.end_key, p.role_id),
roles AS (
    SELECT a.organisation_id, a.start_key, a.end_key, a.role_id FROM at_start a UNION SELECT z.organisation_id, z.start_key, z.end_key, z.role_id FROM at_end z)
INSERT INTO staffdata.derived_turnover (organisation_id, start_date_key, role_id, end_date_key, staff_in_post_start, staff_in_post_end, still_in_post)
SELECT r.organisation_id, r.start_key, r.role_id, r.end_key, COALESCE(s.staff_in_post_start, 0), COALESCE(e.staff_in_post_end, 0), COALESCE(s.still_in_post, 0)
FROM roles r
LEFT JOIN at_start s ON s.organisation_id = r.organisation_id AND s.start_key = r.start_key AND s.role_id = r.role_id
LEFT JOIN at_end e   ON e.organisation_id = r.organisation_id AND e.start_key = r.start_key AND e.role_id = r.role_id;

DROP TABLE #period;

DROP TABLE #touched;
GO

CREATE OR ALTER VIEW staffdata.v_workforce_summary AS
SELECT
    d.calendar_date                                             AS snapshot_date,
    o.organisation_code                                         AS organisation_code,
    COALESCE(o.current_organisation_code, o.organisation_code)  AS current_organisation_code,
    a.service_area_name                                         AS service_area,
    r.role_code                                                 AS role_code,
    g.grade_label                                               AS grade,
    SUM(s.headcount)                                            AS headcount,
    CAST(ROUND(SUM(s.fte), 4) AS decimal(12, 4))                AS fte,
    SUM(s.assignments)                                          AS assignments
FROM staffdata.derived_workforce_summary s
JOIN staffdata.dim_date d         ON d.date_key = s.snapshot_date_key
JOIN staffdata.dim_organisation o ON o.organisation_id = s.organisation_id
JOIN staffdata.dim_service_area a ON a.service_area_id = s.service_area_id
JOIN staffdata.dim_role r         ON r.role_id = s.role_id
JOIN staffdata.dim_grade g        ON g.grade_id = s.grade_id
GROUP BY d.calendar_date, o.organisation_code, o.current_organisation_code, a.service_area_name, r.role_code, g.grade_label;
GO

CREATE OR ALTER VIEW staffdata.v_snapshot_gaps AS
SELECT
    o.organisation_code                                                              AS organisation_code,
    ds.calendar_date                                                                 AS previous_snapshot_date,
    de.calendar_date                                                                 AS snapshot_date,
    (de.[year] * 12 + de.[month]) - (ds.[year] * 12 + ds.[month]) - 1                AS missing_months
FROM staffdata.derived_organisation_snapshot p
JOIN staffdata.dim_date ds        ON ds.date_key = p.previous_date_key
JOIN staffdata.dim_date de        ON de.date_key = p.snapshot_date_key
JOIN staffdata.dim_organisation o ON o.organisation_id = p.organisation_id
WHERE (de.[year] * 12 + de.[month]) - (ds.[year] * 12 + ds.[month]) > 1;
GO

CREATE OR ALTER VIEW staffdata.v_workforce_flows AS
SELECT
    ds.calendar_date                                         AS period_start,
    de.calendar_date                                         AS period_end,
    o.organisation_code                                      AS organisation_code,
    r.role_code                                              AS role_code,
    w.joiners_headcount                                      AS joiners_headcount,
    CAST(ROUND(w.joiners_fte, 4) AS decimal(12, 4))          AS joiners_fte,
    w.leavers_headcount                                      AS leavers_headcount,
    CAST(ROUND(w.leavers_fte, 4) AS decimal(12, 4))          AS leavers_fte,
    w.moves_in                                               AS moves_in,
    w.moves_out                                              AS moves_out,
    w.staff_in_post_start                                    AS staff_in_post_start,
    w.staff_in_post_end                                      AS staff_in_post_end,
    CASE WHEN (de.[year] * 12 + de.[month]) - (ds.[year] * 12 + ds.[month]) > 1 THEN 1 ELSE 0 END AS gap_flag,
    w.leavers_to_other_organisation                          AS leavers_to_other_organisation,
    w.joiners_from_other_organisation                        AS joiners_from_other_organisation
FROM staffdata.derived_workforce_flow w
JOIN staffdata.dim_date ds        ON ds.date_key = w.start_date_key
JOIN staffdata.dim_date de        ON de.date_key = w.end_date_key
JOIN staffdata.dim_organisation o ON o.organisation_id = w.organisation_id
JOIN staffdata.dim_role r         ON r.role_id = w.role_id;
GO

-- Turnover over 12 months by NHS Digital's method: leavers are the staff in post at the start who are not in post in
-- the organisation (in any genomics role) at the end, over the mean of staff in post at the two ends; the stability
-- index is the share of staff in post at the start still in post at the end (see sql/sqlite/0012_derived_flows.sql).
CREATE OR ALTER VIEW staffdata.v_workforce_turnover AS
SELECT
    ds.calendar_date                                                        AS period_start,
    de.calendar_date                                                        AS period_end,
    o.organisation_code                                                     AS organisation_code,
    r.role_code                                                             AS role_code,
    t.staff_in_post_start                                                   AS staff_in_post_start,
    t.staff_in_post_end                                                     AS staff_in_post_end,
    t.staff_in_post_start - t.still_in_post                                 AS leavers_headcount,
    CAST(ROUND(CASE WHEN t.staff_in_post_start + t.staff_in_post_end = 0 THEN NULL
               ELSE (t.staff_in_post_start - t.still_in_post) / ((t.staff_in_post_start + t.staff_in_post_end) / 2.0) END, 4) AS decimal(9, 4)) AS leaver_rate,
    CAST(ROUND(CASE WHEN t.staff_in_post_start = 0 THEN NULL ELSE t.still_in_post * 1.0 / t.staff_in_post_start END, 4) AS decimal(9, 4)) AS stability_index,
    CASE WHEN 11 > (SELECT COUNT(*) FROM staffdata.derived_organisation_snapshot m
                    WHERE m.organisation_id = t.organisation_id AND m.snapshot_date_key > t.start_date_key AND m.snapshot_date_key < t.end_date_key)
         THEN 1 ELSE 0 END                                                  AS gap_flag
FROM staffdata.derived_turnover t
JOIN staffdata.dim_date ds        ON ds.date_key = t.start_date_key
JOIN staffdata.dim_date de        ON de.date_key = t.end_date_key
JOIN staffdata.dim_organisation o ON o.organisation_id = t.organisation_id
JOIN staffdata.dim_role r         ON r.role_id = t.role_id;
GO

-- The projection as 0006 made it, reading the derived snapshots, summary and flows.
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
    m.observed_months       AS observed_months
FROM projection p
JOIN model m            ON m.organisation_id = p.organisation_id AND m.role_id = p.role_id
JOIN staffdata.dim_organisation o ON o.organisation_id = p.organisation_id
JOIN staffdata.dim_role r         ON r.role_id = p.role_id
CROSS JOIN staffdata.supply_assumption a
WHERE p.year IN (5, 10);
GO
