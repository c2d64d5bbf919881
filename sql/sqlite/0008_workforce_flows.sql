-- Workforce flows between consecutive ESR snapshots of one organisation: joiners, leavers and role moves.
-- A person is a pseudonymised key: one row per person, organisation and month, whatever their assignments (their
-- role is that of the primary assignment, else the largest; their FTE is the sum). Flows are computed only between
-- snapshots that exist: a missing month never invents leavers and joiners, and a period that spans one is flagged.

-- Movers between organisations: each ESR batch records whether its people are keyed on the national Unique NHS
-- Identifier or a trust-local number, and v_workforce_flows names, among its leavers and joiners, those who moved to or
-- from another organisation (only between national loads). Batches loaded before this record NULL (local).
ALTER TABLE load_batch ADD COLUMN person_identifier TEXT;

DROP VIEW IF EXISTS v_snapshot_gaps;
CREATE VIEW v_snapshot_gaps AS
WITH snapshots AS (
    SELECT DISTINCT f.organisation_id, f.snapshot_date_key FROM fact_staff_in_post f),
pairs AS (
    SELECT organisation_id, snapshot_date_key AS end_key,
           LAG(snapshot_date_key) OVER (PARTITION BY organisation_id ORDER BY snapshot_date_key) AS start_key
    FROM snapshots)
SELECT
    o.organisation_code                                                              AS organisation_code,
    ds.calendar_date                                                                 AS previous_snapshot_date,
    de.calendar_date                                                                 AS snapshot_date,
    (de.year * 12 + de.month) - (ds.year * 12 + ds.month) - 1                        AS missing_months
FROM pairs p
JOIN dim_date ds        ON ds.date_key = p.start_key
JOIN dim_date de        ON de.date_key = p.end_key
JOIN dim_organisation o ON o.organisation_id = p.organisation_id
WHERE (de.year * 12 + de.month) - (ds.year * 12 + ds.month) > 1;

DROP VIEW IF EXISTS v_workforce_flows;
CREATE VIEW v_workforce_flows AS
WITH ranked AS (
    SELECT f.organisation_id, f.snapshot_date_key, f.person_id, f.role_id, b.person_identifier,
           ROW_NUMBER() OVER (PARTITION BY f.organisation_id, f.snapshot_date_key, f.person_id
                              ORDER BY COALESCE(f.is_primary, 0) DESC, f.fte DESC, f.role_id) AS rank_in_person,
           SUM(f.fte) OVER (PARTITION BY f.organisation_id, f.snapshot_date_key, f.person_id) AS person_fte
    FROM fact_staff_in_post f JOIN load_batch b ON b.batch_id = f.batch_id),
person_month AS (
    SELECT organisation_id, snapshot_date_key, person_id, role_id, person_fte AS fte, person_identifier FROM ranked WHERE rank_in_person = 1),
snapshots AS (
    SELECT DISTINCT organisation_id, snapshot_date_key FROM person_month),
periods AS (
    SELECT organisation_id, start_key, end_key
    FROM (SELECT organisation_id, snapshot_date_key AS end_key,
                 LAG(snapshot_date_key) OVER (PARTITION BY organisation_id ORDER BY snapshot_date_key) AS start_key
          FROM snapshots) AS consecutive
    WHERE start_key IS NOT NULL),
movements AS (
    -- In post at both ends: a stayer, or a move when the role changed.
    SELECT p.organisation_id, p.start_key, p.end_key, s.role_id AS start_role, e.role_id AS end_role, s.fte AS start_fte, e.fte AS end_fte,
           0 AS other_organisation
    FROM periods p
    JOIN person_month s ON s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.start_key
    JOIN person_month e ON e.organisation_id = p.organisation_id AND e.snapshot_date_key = p.end_key AND e.person_id = s.person_id
    UNION ALL
    -- In post at the start only: a leaver; one in post in another organisation at the end has moved there, which only
    -- the national identifier can tell (a trust's employee number means nothing in another trust).
    SELECT p.organisation_id, p.start_key, p.end_key, s.role_id, NULL, s.fte, NULL,
           CASE WHEN s.person_identifier = 'national' AND EXISTS (
                    SELECT 1 FROM person_month x WHERE x.snapshot_date_key = p.end_key AND x.person_id = s.person_id
                    AND x.organisation_id <> p.organisation_id AND x.person_identifier = 'national') THEN 1 ELSE 0 END
    FROM periods p
    JOIN person_month s ON s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.start_key
    WHERE NOT EXISTS (SELECT 1 FROM person_month e WHERE e.organisation_id = p.organisation_id AND e.snapshot_date_key = p.end_key AND e.person_id = s.person_id)
    UNION ALL
    -- In post at the end only: a joiner, from another organisation when the national identifier was there at the start.
    SELECT p.organisation_id, p.start_key, p.end_key, NULL, e.role_id, NULL, e.fte,
           CASE WHEN e.person_identifier = 'national' AND EXISTS (
                    SELECT 1 FROM person_month x WHERE x.snapshot_date_key = p.start_key AND x.person_id = e.person_id
                    AND x.organisation_id <> p.organisation_id AND x.person_identifier = 'national') THEN 1 ELSE 0 END
    FROM periods p
    JOIN person_month e ON e.organisation_id = p.organisation_id AND e.snapshot_date_key = p.end_key
    WHERE NOT EXISTS (SELECT 1 FROM person_month s WHERE s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.start_key AND s.person_id = e.person_id)),
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
SELECT
    ds.calendar_date                                         AS period_start,
    de.calendar_date                                         AS period_end,
    o.organisation_code                                      AS organisation_code,
    r.role_code                                              AS role_code,
    SUM(b.joiners_headcount)                                 AS joiners_headcount,
    ROUND(SUM(b.joiners_fte), 4)                             AS joiners_fte,
    SUM(b.leavers_headcount)                                 AS leavers_headcount,
    ROUND(SUM(b.leavers_fte), 4)                             AS leavers_fte,
    SUM(b.moves_in)                                          AS moves_in,
    SUM(b.moves_out)                                         AS moves_out,
    SUM(b.staff_in_post_start)                               AS staff_in_post_start,
    SUM(b.staff_in_post_end)                                 AS staff_in_post_end,
    CASE WHEN (de.year * 12 + de.month) - (ds.year * 12 + ds.month) > 1 THEN 1 ELSE 0 END AS gap_flag,
    SUM(b.leavers_to_other_organisation)                     AS leavers_to_other_organisation,
    SUM(b.joiners_from_other_organisation)                   AS joiners_from_other_organisation
FROM by_role b
JOIN dim_date ds        ON ds.date_key = b.start_key
JOIN dim_date de        ON de.date_key = b.end_key
JOIN dim_organisation o ON o.organisation_id = b.organisation_id
JOIN dim_role r         ON r.role_id = b.role_id
GROUP BY ds.calendar_date, de.calendar_date, ds.year, ds.month, de.year, de.month, o.organisation_code, r.role_code;

-- Turnover over 12 months, by NHS Digital's conventions: the leaver rate is leavers in the period divided by the
-- average of staff in post at its start and end; the stability index is the share of staff in post at the start who
-- are still in post in the organisation (in any genomics role) at the end. Moves within the organisation are not
-- leavers. A row exists only where both ends of the 12 months were loaded; gap_flag says a month between is missing.
DROP VIEW IF EXISTS v_workforce_turnover;
CREATE VIEW v_workforce_turnover AS
WITH ranked_assignments AS (
    SELECT f.organisation_id, f.snapshot_date_key, f.person_id, f.role_id,
           ROW_NUMBER() OVER (PARTITION BY f.organisation_id, f.snapshot_date_key, f.person_id
                              ORDER BY COALESCE(f.is_primary, 0) DESC, f.fte DESC, f.role_id) AS rank_in_person
    FROM fact_staff_in_post f),
person_at_month AS (
    SELECT organisation_id, snapshot_date_key, person_id, role_id FROM ranked_assignments WHERE rank_in_person = 1),
org_snapshots AS (
    SELECT DISTINCT p.organisation_id, p.snapshot_date_key, d.year * 12 + d.month AS month_index
    FROM person_at_month p JOIN dim_date d ON d.date_key = p.snapshot_date_key),
years AS (
    SELECT s.organisation_id, s.snapshot_date_key AS start_key, e.snapshot_date_key AS end_key,
           11 - (SELECT COUNT(*) FROM org_snapshots m WHERE m.organisation_id = s.organisation_id AND m.month_index > s.month_index AND m.month_index < e.month_index) AS missing_months
    FROM org_snapshots s JOIN org_snapshots e ON e.organisation_id = s.organisation_id AND e.month_index = s.month_index + 12),
stock AS (
    SELECT y.organisation_id, y.start_key, y.end_key, y.missing_months, p.role_id,
           SUM(CASE WHEN p.snapshot_date_key = y.start_key THEN 1 ELSE 0 END) AS staff_in_post_start,
           SUM(CASE WHEN p.snapshot_date_key = y.end_key THEN 1 ELSE 0 END) AS staff_in_post_end,
           SUM(CASE WHEN p.snapshot_date_key = y.start_key
                     AND EXISTS (SELECT 1 FROM person_at_month e WHERE e.organisation_id = y.organisation_id AND e.snapshot_date_key = y.end_key AND e.person_id = p.person_id)
                    THEN 1 ELSE 0 END) AS still_in_post
    FROM years y
    JOIN person_at_month p ON p.organisation_id = y.organisation_id AND p.snapshot_date_key IN (y.start_key, y.end_key)
    GROUP BY y.organisation_id, y.start_key, y.end_key, y.missing_months, p.role_id)
SELECT
    ds.calendar_date                                                        AS period_start,
    de.calendar_date                                                        AS period_end,
    o.organisation_code                                                     AS organisation_code,
    r.role_code                                                             AS role_code,
    s.staff_in_post_start                                                   AS staff_in_post_start,
    s.staff_in_post_end                                                     AS staff_in_post_end,
    COALESCE((SELECT SUM(w.leavers_headcount) FROM v_workforce_flows w
              WHERE w.organisation_code = o.organisation_code AND w.role_code = r.role_code
                AND w.period_start >= ds.calendar_date AND w.period_end <= de.calendar_date), 0) AS leavers_headcount,
    ROUND(CASE WHEN s.staff_in_post_start + s.staff_in_post_end = 0 THEN NULL
               ELSE COALESCE((SELECT SUM(w.leavers_headcount) FROM v_workforce_flows w
                              WHERE w.organisation_code = o.organisation_code AND w.role_code = r.role_code
                                AND w.period_start >= ds.calendar_date AND w.period_end <= de.calendar_date), 0)
                    / ((s.staff_in_post_start + s.staff_in_post_end) / 2.0) END, 4) AS leaver_rate,
    ROUND(CASE WHEN s.staff_in_post_start = 0 THEN NULL ELSE s.still_in_post * 1.0 / s.staff_in_post_start END, 4) AS stability_index,
    CASE WHEN s.missing_months > 0 THEN 1 ELSE 0 END                        AS gap_flag
FROM stock s
JOIN dim_date ds        ON ds.date_key = s.start_key
JOIN dim_date de        ON de.date_key = s.end_key
JOIN dim_organisation o ON o.organisation_id = s.organisation_id
JOIN dim_role r         ON r.role_id = s.role_id;
