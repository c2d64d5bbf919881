-- The analyst contract. Column names and meanings are identical on SQL Server.

DROP VIEW IF EXISTS v_workforce_summary;
-- One row per snapshot month x organisation x role x grade. headcount counts distinct people in the cell
-- (NHS Digital convention), so headcounts do not add up across cells; fte and assignments do.
CREATE VIEW v_workforce_summary AS
SELECT
    d.calendar_date                AS snapshot_date,
    o.organisation_code            AS organisation_code,
    r.role_code                    AS role_code,
    g.grade_label                  AS grade,
    COUNT(DISTINCT f.person_id)    AS headcount,
    ROUND(SUM(f.fte), 4)           AS fte,
    COUNT(*)                       AS assignments
FROM fact_staff_in_post f
JOIN dim_date d         ON d.date_key = f.snapshot_date_key
JOIN dim_organisation o ON o.organisation_id = f.organisation_id
JOIN dim_role r         ON r.role_id = f.role_id
JOIN dim_grade g        ON g.grade_id = f.grade_id
GROUP BY d.calendar_date, o.organisation_code, r.role_code, g.grade_label;

DROP VIEW IF EXISTS v_load_history;
CREATE VIEW v_load_history AS
SELECT
    batch_id, file_name, sha256, status, rows_read, rows_loaded, rows_out_of_scope,
    rows_excluded, rows_rejected, started_at, finished_at
FROM load_batch;
