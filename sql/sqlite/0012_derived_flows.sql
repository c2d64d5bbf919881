-- Analyst views at national scale (issue 19). Person-months, snapshots, flows, turnover years and the summary are no
-- longer re-derived from every fact on every query: they are tables, derived at load in the commit transaction of the
-- batch that changes them (SqliteDerivedTables.Refresh recomputes exactly the organisation-months a batch touched and
-- the periods that depend on them). The views read these tables; their columns and meanings are unchanged.
-- Nothing writes these tables but the refresh: they can be rebuilt from fact_staff_in_post at any time.

-- One row per organisation, snapshot and person: the role of the primary assignment (else the largest), the FTE of all
-- the person's assignments there, and whether the batch keyed people on the national identifier (movers).
CREATE TABLE IF NOT EXISTS derived_person_month (
    organisation_id   INTEGER NOT NULL,
    snapshot_date_key INTEGER NOT NULL,
    person_id         INTEGER NOT NULL,
    role_id           INTEGER NOT NULL,
    fte               REAL    NOT NULL,
    national_identifier INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, snapshot_date_key, person_id)
) WITHOUT ROWID;

-- Where else the person was in a month: movers between organisations. The month leads, so that a new month's rows are
-- appended at the end of the index instead of scattered through it (which made a load slower as history grew).
CREATE INDEX IF NOT EXISTS ix_derived_person_month_month_person ON derived_person_month (snapshot_date_key, person_id, organisation_id);

-- The snapshots an organisation has, each with the one before it: the periods of the flows and the gaps.
CREATE TABLE IF NOT EXISTS derived_organisation_snapshot (
    organisation_id   INTEGER NOT NULL,
    snapshot_date_key INTEGER NOT NULL,
    previous_date_key INTEGER,
    PRIMARY KEY (organisation_id, snapshot_date_key)
) WITHOUT ROWID;

-- One row per period between consecutive snapshots of an organisation, and role (v_workforce_flows before the labels).
CREATE TABLE IF NOT EXISTS derived_workforce_flow (
    organisation_id                 INTEGER NOT NULL,
    end_date_key                    INTEGER NOT NULL,
    role_id                         INTEGER NOT NULL,
    start_date_key                  INTEGER NOT NULL,
    joiners_headcount               INTEGER NOT NULL,
    joiners_fte                     REAL    NOT NULL,
    leavers_headcount               INTEGER NOT NULL,
    leavers_fte                     REAL    NOT NULL,
    moves_in                        INTEGER NOT NULL,
    moves_out                       INTEGER NOT NULL,
    staff_in_post_start             INTEGER NOT NULL,
    staff_in_post_end               INTEGER NOT NULL,
    leavers_to_other_organisation   INTEGER NOT NULL,
    joiners_from_other_organisation INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, end_date_key, role_id)
) WITHOUT ROWID;

-- One row per organisation, pair of snapshots 12 months apart, and role: in post at the start (by their role there),
-- at the end (by their role there), and of those at the start, still in post in the organisation at the end.
CREATE TABLE IF NOT EXISTS derived_turnover (
    organisation_id     INTEGER NOT NULL,
    start_date_key      INTEGER NOT NULL,
    role_id             INTEGER NOT NULL,
    end_date_key        INTEGER NOT NULL,
    staff_in_post_start INTEGER NOT NULL,
    staff_in_post_end   INTEGER NOT NULL,
    still_in_post       INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, start_date_key, role_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS ix_derived_turnover_end ON derived_turnover (organisation_id, end_date_key);

-- One row per snapshot, organisation, service area, role and grade: v_workforce_summary before the labels.
CREATE TABLE IF NOT EXISTS derived_workforce_summary (
    organisation_id   INTEGER NOT NULL,
    snapshot_date_key INTEGER NOT NULL,
    service_area_id   INTEGER NOT NULL,
    role_id           INTEGER NOT NULL,
    grade_id          INTEGER NOT NULL,
    headcount         INTEGER NOT NULL,
    fte               REAL    NOT NULL,
    assignments       INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, snapshot_date_key, service_area_id, role_id, grade_id)
) WITHOUT ROWID;

-- Backfill for a warehouse loaded before this script: the refresh's statements (SqliteDerivedTables) with every
-- organisation-month touched.
CREATE TEMP TABLE IF NOT EXISTS derived_touched (organisation_id INTEGER NOT NULL, snapshot_date_key INTEGER NOT NULL, PRIMARY KEY (organisation_id, snapshot_date_key)) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS derived_period (organisation_id INTEGER NOT NULL, end_date_key INTEGER NOT NULL, PRIMARY KEY (organisation_id, end_date_key)) WITHOUT ROWID;
DELETE FROM temp.derived_touched;
DELETE FROM temp.derived_period;
INSERT INTO temp.derived_touched (organisation_id, snapshot_date_key) SELECT DISTINCT organisation_id, snapshot_date_key FROM fact_staff_in_post;

DELETE FROM derived_person_month WHERE (organisation_id, snapshot_date_key) IN (SELECT organisation_id, snapshot_date_key FROM temp.derived_touched);

INSERT INTO derived_person_month (organisation_id, snapshot_date_key, person_id, role_id, fte, national_identifier)
SELECT organisation_id, snapshot_date_key, person_id, role_id, person_fte, national_identifier
FROM (
    SELECT f.organisation_id, f.snapshot_date_key, f.person_id, f.role_id,
           CASE WHEN b.person_identifier = 'national' THEN 1 ELSE 0 END AS national_identifier,
           ROW_NUMBER() OVER (PARTITION BY f.organisation_id, f.snapshot_date_key, f.person_id
                              ORDER BY COALESCE(f.is_primary, 0) DESC, f.fte DESC, f.role_id) AS rank_in_person,
           SUM(f.fte) OVER (PARTITION BY f.organisation_id, f.snapshot_date_key, f.person_id) AS person_fte
    FROM temp.derived_touched t
    CROSS JOIN fact_staff_in_post f ON f.organisation_id = t.organisation_id AND f.snapshot_date_key = t.snapshot_date_key
    JOIN load_batch b ON b.batch_id = f.batch_id) AS ranked
WHERE rank_in_person = 1;

DELETE FROM derived_workforce_summary WHERE (organisation_id, snapshot_date_key) IN (SELECT organisation_id, snapshot_date_key FROM temp.derived_touched);

INSERT INTO derived_workforce_summary (organisation_id, snapshot_date_key, service_area_id, role_id, grade_id, headcount, fte, assignments)
SELECT f.organisation_id, f.snapshot_date_key, f.service_area_id, f.role_id, f.grade_id, COUNT(DISTINCT f.person_id), SUM(f.fte), COUNT(*)
FROM temp.derived_touched t
CROSS JOIN fact_staff_in_post f ON f.organisation_id = t.organisation_id AND f.snapshot_date_key = t.snapshot_date_key
GROUP BY f.organisation_id, f.snapshot_date_key, f.service_area_id, f.role_id, f.grade_id;

DELETE FROM derived_organisation_snapshot WHERE (organisation_id, snapshot_date_key) IN (SELECT organisation_id, snapshot_date_key FROM temp.derived_touched);

INSERT INTO derived_organisation_snapshot (organisation_id, snapshot_date_key, previous_date_key)
SELECT t.organisation_id, t.snapshot_date_key, NULL FROM temp.derived_touched t
WHERE EXISTS (SELECT 1 FROM derived_person_month p WHERE p.organisation_id = t.organisation_id AND p.snapshot_date_key = t.snapshot_date_key);

UPDATE derived_organisation_snapshot
SET previous_date_key = (SELECT MAX(p.snapshot_date_key) FROM derived_organisation_snapshot p
                         WHERE p.organisation_id = derived_organisation_snapshot.organisation_id AND p.snapshot_date_key < derived_organisation_snapshot.snapshot_date_key)
WHERE organisation_id IN (SELECT organisation_id FROM temp.derived_touched);

INSERT OR IGNORE INTO temp.derived_period (organisation_id, end_date_key)
SELECT organisation_id, end_date_key FROM (
    -- The pair's own period, and the period into the organisation's next snapshot.
    SELECT t.organisation_id, t.snapshot_date_key AS end_date_key FROM temp.derived_touched t
    UNION
    SELECT t.organisation_id, (SELECT MIN(s.snapshot_date_key) FROM derived_organisation_snapshot s WHERE s.organisation_id = t.organisation_id AND s.snapshot_date_key > t.snapshot_date_key)
    FROM temp.derived_touched t
    UNION
    -- Every organisation's periods ending or starting in a touched month: their movers to and from other organisations.
    SELECT s.organisation_id, s.snapshot_date_key FROM derived_organisation_snapshot s
    WHERE s.snapshot_date_key IN (SELECT snapshot_date_key FROM temp.derived_touched) OR s.previous_date_key IN (SELECT snapshot_date_key FROM temp.derived_touched)) AS ends
WHERE end_date_key IS NOT NULL;

DELETE FROM derived_workforce_flow WHERE (organisation_id, end_date_key) IN (SELECT organisation_id, end_date_key FROM temp.derived_period);

WITH
periods AS MATERIALIZED (
    SELECT s.organisation_id, s.previous_date_key AS start_key, s.snapshot_date_key AS end_key
    FROM temp.derived_period p
    JOIN derived_organisation_snapshot s ON s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.end_date_key
    WHERE s.previous_date_key IS NOT NULL),
movements AS (
    -- In post at both ends: a stayer, or a move when the role changed.
    SELECT p.organisation_id, p.start_key, p.end_key, s.role_id AS start_role, e.role_id AS end_role, s.fte AS start_fte, e.fte AS end_fte,
           0 AS other_organisation
    FROM periods p
    CROSS JOIN derived_person_month s ON s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.start_key
    CROSS JOIN derived_person_month e ON e.organisation_id = p.organisation_id AND e.snapshot_date_key = p.end_key AND e.person_id = s.person_id
    UNION ALL
    -- In post at the start only: a leaver; one in post in another organisation at the end has moved there, which only
    -- the national identifier can tell (a trust's employee number means nothing in another trust).
    SELECT p.organisation_id, p.start_key, p.end_key, s.role_id, NULL, s.fte, NULL,
           CASE WHEN s.national_identifier = 1 AND EXISTS (
                    SELECT 1 FROM derived_person_month x WHERE x.person_id = s.person_id AND x.snapshot_date_key = p.end_key
                    AND x.organisation_id <> p.organisation_id AND x.national_identifier = 1) THEN 1 ELSE 0 END
    FROM periods p
    CROSS JOIN derived_person_month s ON s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.start_key
    WHERE NOT EXISTS (SELECT 1 FROM derived_person_month e WHERE e.organisation_id = p.organisation_id AND e.snapshot_date_key = p.end_key AND e.person_id = s.person_id)
    UNION ALL
    -- In post at the end only: a joiner, from another organisation when the national identifier was there at the start.
    SELECT p.organisation_id, p.start_key, p.end_key, NULL, e.role_id, NULL, e.fte,
           CASE WHEN e.national_identifier = 1 AND EXISTS (
                    SELECT 1 FROM derived_person_month x WHERE x.person_id = e.person_id AND x.snapshot_date_key = p.start_key
                    AND x.organisation_id <> p.organisation_id AND x.national_identifier = 1) THEN 1 ELSE 0 END
    FROM periods p
    CROSS JOIN derived_person_month e ON e.organisation_id = p.organisation_id AND e.snapshot_date_key = p.end_key
    WHERE NOT EXISTS (SELECT 1 FROM derived_person_month s WHERE s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.start_key AND s.person_id = e.person_id)),
by_role AS (
    -- Counted against the role at the start: staff in post at the start, leavers, moves out.
    SELECT organisation_id, start_key, end_key, start_role AS role_id,
           0 AS joiners_headcount, 0.0 AS joiners_fte,
           CASE WHEN end_role IS NULL THEN 1 ELSE 0 END AS leavers_headcount,
           CASE WHEN end_role IS NULL THEN start_fte ELSE 0.0 END AS leavers_fte,
           CASE WHEN end_role IS NULL THEN other_organisation ELSE 0 END AS leavers_to_other_organisation,
           0 AS joiners_from_other_organisation,
           0 AS moves_in,
           CASE WHEN end_role IS NOT NULL AND end_role <> start_role THEN 1 ELSE 0 END AS moves_out,
           1 AS staff_in_post_start, 0 AS staff_in_post_end
    FROM movements WHERE start_role IS NOT NULL
    UNION ALL
    -- Counted against the role at the end: staff in post at the end, joiners, moves in.
    SELECT organisation_id, start_key, end_key, end_role,
           CASE WHEN start_role IS NULL THEN 1 ELSE 0 END,
           CASE WHEN start_role IS NULL THEN end_fte ELSE 0.0 END,
           0, 0.0,
           0,
           CASE WHEN start_role IS NULL THEN other_organisation ELSE 0 END,
           CASE WHEN start_role IS NOT NULL AND start_role <> end_role THEN 1 ELSE 0 END,
           0,
           0, 1
    FROM movements WHERE end_role IS NOT NULL)
INSERT INTO derived_workforce_flow (organisation_id, end_date_key, role_id, start_date_key, joiners_headcount, joiners_fte, leavers_headcount, leavers_fte,
    moves_in, moves_out, staff_in_post_start, staff_in_post_end, leavers_to_other_organisation, joiners_from_other_organisation)
SELECT organisation_id, end_key, role_id, start_key, SUM(joiners_headcount), SUM(joiners_fte), SUM(leavers_headcount), SUM(leavers_fte),
       SUM(moves_in), SUM(moves_out), SUM(staff_in_post_start), SUM(staff_in_post_end), SUM(leavers_to_other_organisation), SUM(joiners_from_other_organisation)
FROM by_role
GROUP BY organisation_id, end_key, role_id, start_key;

DELETE FROM derived_turnover WHERE (organisation_id, start_date_key) IN (SELECT organisation_id, snapshot_date_key FROM temp.derived_touched);

DELETE FROM derived_turnover WHERE (organisation_id, end_date_key) IN (SELECT organisation_id, snapshot_date_key FROM temp.derived_touched);

WITH
months AS MATERIALIZED (
    SELECT s.organisation_id, s.snapshot_date_key, d.year * 12 + d.month AS month_index
    FROM derived_organisation_snapshot s JOIN dim_date d ON d.date_key = s.snapshot_date_key
    WHERE s.organisation_id IN (SELECT organisation_id FROM temp.derived_touched)),
years AS MATERIALIZED (
    -- Both ends loaded, 12 months apart, one of them touched.
    SELECT s.organisation_id, s.snapshot_date_key AS start_key, e.snapshot_date_key AS end_key
    FROM months s CROSS JOIN months e ON e.organisation_id = s.organisation_id AND e.month_index = s.month_index + 12
    WHERE EXISTS (SELECT 1 FROM temp.derived_touched t WHERE t.organisation_id = s.organisation_id AND t.snapshot_date_key IN (s.snapshot_date_key, e.snapshot_date_key))),
at_start AS (
    SELECT y.organisation_id, y.start_key, y.end_key, p.role_id, COUNT(*) AS staff_in_post_start, COUNT(e.person_id) AS still_in_post
    FROM years y CROSS JOIN derived_person_month p ON p.organisation_id = y.organisation_id AND p.snapshot_date_key = y.start_key
    LEFT JOIN derived_person_month e ON e.organisation_id = y.organisation_id AND e.snapshot_date_key = y.end_key AND e.person_id = p.person_id
    GROUP BY y.organisation_id, y.start_key, y.end_key, p.role_id),
at_end AS (
    SELECT y.organisation_id, y.start_key, y.end_key, p.role_id, COUNT(*) AS staff_in_post_end
    FROM years y CROSS JOIN derived_person_month p ON p.organisation_id = y.organisation_id AND p.snapshot_date_key = y.end_key
    GROUP BY y.organisation_id, y.start_key, y.end_key, p.role_id),
roles AS (
    SELECT organisation_id, start_key, end_key, role_id FROM at_start UNION SELECT organisation_id, start_key, end_key, role_id FROM at_end)
INSERT INTO derived_turnover (organisation_id, start_date_key, role_id, end_date_key, staff_in_post_start, staff_in_post_end, still_in_post)
SELECT r.organisation_id, r.start_key, r.role_id, r.end_key, COALESCE(s.staff_in_post_start, 0), COALESCE(e.staff_in_post_end, 0), COALESCE(s.still_in_post, 0)
FROM roles r
LEFT JOIN at_start s ON s.organisation_id = r.organisation_id AND s.start_key = r.start_key AND s.role_id = r.role_id
LEFT JOIN at_end e   ON e.organisation_id = r.organisation_id AND e.start_key = r.start_key AND e.role_id = r.role_id;

DROP TABLE temp.derived_touched;
DROP TABLE temp.derived_period;

-- The views read the tables. Columns, their order and their meanings are those of 0008, 0009 and 0010, except the
-- turnover's leavers (see below).
DROP VIEW IF EXISTS v_workforce_summary;
CREATE VIEW v_workforce_summary AS
SELECT
    d.calendar_date                                          AS snapshot_date,
    o.organisation_code                                      AS organisation_code,
    COALESCE(o.current_organisation_code, o.organisation_code) AS current_organisation_code,
    a.service_area_name                                      AS service_area,
    r.role_code                                              AS role_code,
    g.grade_label                                            AS grade,
    SUM(s.headcount)                                         AS headcount,
    ROUND(SUM(s.fte), 4)                                     AS fte,
    SUM(s.assignments)                                       AS assignments
FROM derived_workforce_summary s
JOIN dim_date d         ON d.date_key = s.snapshot_date_key
JOIN dim_organisation o ON o.organisation_id = s.organisation_id
JOIN dim_service_area a ON a.service_area_id = s.service_area_id
JOIN dim_role r         ON r.role_id = s.role_id
JOIN dim_grade g        ON g.grade_id = s.grade_id
GROUP BY d.calendar_date, o.organisation_code, o.current_organisation_code, a.service_area_name, r.role_code, g.grade_label;

DROP VIEW IF EXISTS v_snapshot_gaps;
CREATE VIEW v_snapshot_gaps AS
SELECT
    o.organisation_code                                                              AS organisation_code,
    ds.calendar_date                                                                 AS previous_snapshot_date,
    de.calendar_date                                                                 AS snapshot_date,
    (de.year * 12 + de.month) - (ds.year * 12 + ds.month) - 1                        AS missing_months
FROM derived_organisation_snapshot p
JOIN dim_date ds        ON ds.date_key = p.previous_date_key
JOIN dim_date de        ON de.date_key = p.snapshot_date_key
JOIN dim_organisation o ON o.organisation_id = p.organisation_id
WHERE (de.year * 12 + de.month) - (ds.year * 12 + ds.month) > 1;

DROP VIEW IF EXISTS v_workforce_flows;
CREATE VIEW v_workforce_flows AS
SELECT
    ds.calendar_date                                         AS period_start,
    de.calendar_date                                         AS period_end,
    o.organisation_code                                      AS organisation_code,
    r.role_code                                              AS role_code,
    w.joiners_headcount                                      AS joiners_headcount,
    ROUND(w.joiners_fte, 4)                                  AS joiners_fte,
    w.leavers_headcount                                      AS leavers_headcount,
    ROUND(w.leavers_fte, 4)                                  AS leavers_fte,
    w.moves_in                                               AS moves_in,
    w.moves_out                                              AS moves_out,
    w.staff_in_post_start                                    AS staff_in_post_start,
    w.staff_in_post_end                                      AS staff_in_post_end,
    CASE WHEN (de.year * 12 + de.month) - (ds.year * 12 + ds.month) > 1 THEN 1 ELSE 0 END AS gap_flag,
    w.leavers_to_other_organisation                          AS leavers_to_other_organisation,
    w.joiners_from_other_organisation                        AS joiners_from_other_organisation
FROM derived_workforce_flow w
JOIN dim_date ds        ON ds.date_key = w.start_date_key
JOIN dim_date de        ON de.date_key = w.end_date_key
JOIN dim_organisation o ON o.organisation_id = w.organisation_id
JOIN dim_role r         ON r.role_id = w.role_id;

-- Turnover over 12 months, by NHS Digital's method: leavers are the staff in post at the start who are not in post in
-- the organisation (in any genomics role) at the end; the leaver rate divides them by the mean of staff in post at the
-- two ends; the stability index is the share of staff in post at the start still in post at the end. So the leaver
-- rate and the stability index describe the same people (before this, leavers were the sum of the monthly flows, so a
-- person who left and came back in the year was a leaver in a team whose stability index was 1.0). Moves within the
-- organisation are not leavers. A row exists only where both ends were loaded; gap_flag says a month between is missing.
DROP VIEW IF EXISTS v_workforce_turnover;
CREATE VIEW v_workforce_turnover AS
SELECT
    ds.calendar_date                                                        AS period_start,
    de.calendar_date                                                        AS period_end,
    o.organisation_code                                                     AS organisation_code,
    r.role_code                                                             AS role_code,
    t.staff_in_post_start                                                   AS staff_in_post_start,
    t.staff_in_post_end                                                     AS staff_in_post_end,
    t.staff_in_post_start - t.still_in_post                                 AS leavers_headcount,
    ROUND(CASE WHEN t.staff_in_post_start + t.staff_in_post_end = 0 THEN NULL
               ELSE (t.staff_in_post_start - t.still_in_post) / ((t.staff_in_post_start + t.staff_in_post_end) / 2.0) END, 4) AS leaver_rate,
    ROUND(CASE WHEN t.staff_in_post_start = 0 THEN NULL ELSE t.still_in_post * 1.0 / t.staff_in_post_start END, 4) AS stability_index,
    CASE WHEN 11 > (SELECT COUNT(*) FROM derived_organisation_snapshot m
                    WHERE m.organisation_id = t.organisation_id AND m.snapshot_date_key > t.start_date_key AND m.snapshot_date_key < t.end_date_key)
         THEN 1 ELSE 0 END                                                  AS gap_flag
FROM derived_turnover t
JOIN dim_date ds        ON ds.date_key = t.start_date_key
JOIN dim_date de        ON de.date_key = t.end_date_key
JOIN dim_organisation o ON o.organisation_id = t.organisation_id
JOIN dim_role r         ON r.role_id = t.role_id;

-- The projection as 0009 made it, reading the derived snapshots and flows instead of re-deriving them.
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
    m.observed_months       AS observed_months
FROM projection p
JOIN model m            ON m.organisation_id = p.organisation_id AND m.role_id = p.role_id
JOIN dim_organisation o ON o.organisation_id = p.organisation_id
JOIN dim_role r         ON r.role_id = p.role_id
CROSS JOIN supply_assumption a
WHERE p.year IN (5, 10);
