using Dapper;
using Microsoft.Data.Sqlite;

namespace StaffDataPipeline.Sqlite;

/// <summary>
/// Keeps the derived tables the analyst views read (sql/sqlite/0012_derived_flows.sql) in step with
/// fact_staff_in_post, inside the transaction of whatever changed the facts: an ESR batch, a withdrawal, a remap.
/// Given the (organisation, month) pairs whose facts changed, it recomputes their person-months, summary cells and
/// snapshots, the flows of every period that depends on them (the pair's own period, the one into the organisation's
/// next snapshot, and every organisation's periods ending or starting in that month, whose movers between
/// organisations it may change) and the 12-month turnover rows that start or end there. It reads only
/// fact_staff_in_post (and the batch's identifier kind), so a pair whose facts are gone is simply removed.
/// </summary>
internal static class SqliteDerivedTables
{
    /// <summary>
    /// Run in this order once temp.derived_touched holds the pairs. The migration's backfill runs the same text.
    /// Without statistics SQLite may drive a join from the large side (every person-month of an organisation, growing
    /// with history); MATERIALIZED and CROSS JOIN (SQLite keeps its left-to-right order) make the few periods and years
    /// drive it, so a month's refresh costs the same in year one and year five.
    /// </summary>
    internal static readonly string[] Statements =
    [
        """
        DELETE FROM derived_person_month WHERE (organisation_id, snapshot_date_key) IN (SELECT organisation_id, snapshot_date_key FROM temp.derived_touched);
        """,
        """
        INSERT INTO derived_person_month (organisation_id, snapshot_date_key, person_id, role_id, fte, national_identifier)
        SELECT organisation_id, snapshot_date_key, person_id, role_id, person_fte, national_identifier
        FROM (
            -- A person's month in an organisation takes the role of the top assignment (the primary one, else the largest
            -- FTE, else the smallest role id) and the sum of the FTEs. SQLite gives a GROUP BY's bare columns from the row
            -- holding its one MAX(), so the top assignment's order is written as one integer: the primary flag, then the
            -- FTE in billionths (0 to 1.5, CHECK in 0001; FTEs closer than that are taken as equal, and the smaller role
            -- id wins, where 0012 compared them exactly), then the role id reversed (ids are the taxonomy's, far below
            -- 2^20). One grouping sort, where ranking over a window took twice as long (docs/benchmark.md); grouped month
            -- and person first, the rows come out in the order of ix_derived_person_month_month_person, which they are
            -- appended to, while the primary key takes them at one place per organisation.
            SELECT f.organisation_id, f.snapshot_date_key, f.person_id, f.role_id,
                   CASE WHEN b.person_identifier = 'national' THEN 1 ELSE 0 END AS national_identifier,
                   MAX((COALESCE(f.is_primary, 0) * 2147483648 + CAST(ROUND(f.fte * 1e9) AS INTEGER)) * 1048576 + (1048575 - f.role_id)) AS top_assignment,
                   SUM(f.fte) AS person_fte
            FROM temp.derived_touched t
            CROSS JOIN fact_staff_in_post f ON f.organisation_id = t.organisation_id AND f.snapshot_date_key = t.snapshot_date_key
            JOIN load_batch b ON b.batch_id = f.batch_id
            GROUP BY f.snapshot_date_key, f.person_id, f.organisation_id) AS grouped;
        """,
        """
        DELETE FROM derived_workforce_summary WHERE (organisation_id, snapshot_date_key) IN (SELECT organisation_id, snapshot_date_key FROM temp.derived_touched);
        """,
        """
        INSERT INTO derived_workforce_summary (organisation_id, snapshot_date_key, service_area_id, role_id, grade_id, headcount, fte, assignments)
        SELECT f.organisation_id, f.snapshot_date_key, f.service_area_id, f.role_id, f.grade_id, COUNT(DISTINCT f.person_id), SUM(f.fte), COUNT(*)
        FROM temp.derived_touched t
        CROSS JOIN fact_staff_in_post f ON f.organisation_id = t.organisation_id AND f.snapshot_date_key = t.snapshot_date_key
        GROUP BY f.organisation_id, f.snapshot_date_key, f.service_area_id, f.role_id, f.grade_id;
        """,
        """
        DELETE FROM derived_organisation_snapshot WHERE (organisation_id, snapshot_date_key) IN (SELECT organisation_id, snapshot_date_key FROM temp.derived_touched);
        """,
        """
        INSERT INTO derived_organisation_snapshot (organisation_id, snapshot_date_key, previous_date_key)
        SELECT t.organisation_id, t.snapshot_date_key, NULL FROM temp.derived_touched t
        WHERE EXISTS (SELECT 1 FROM derived_person_month p WHERE p.organisation_id = t.organisation_id AND p.snapshot_date_key = t.snapshot_date_key);
        """,
        """
        UPDATE derived_organisation_snapshot
        SET previous_date_key = (SELECT MAX(p.snapshot_date_key) FROM derived_organisation_snapshot p
                                 WHERE p.organisation_id = derived_organisation_snapshot.organisation_id AND p.snapshot_date_key < derived_organisation_snapshot.snapshot_date_key)
        WHERE organisation_id IN (SELECT organisation_id FROM temp.derived_touched);
        """,
        """
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
        """,
        """
        DELETE FROM derived_workforce_flow WHERE (organisation_id, end_date_key) IN (SELECT organisation_id, end_date_key FROM temp.derived_period);
        """,
        """
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
        """,
        """
        DELETE FROM derived_turnover WHERE (organisation_id, start_date_key) IN (SELECT organisation_id, snapshot_date_key FROM temp.derived_touched);
        """,
        """
        DELETE FROM derived_turnover WHERE (organisation_id, end_date_key) IN (SELECT organisation_id, snapshot_date_key FROM temp.derived_touched);
        """,
        """
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
        """,
    ];

    private const string Prepare = """
        CREATE TEMP TABLE IF NOT EXISTS derived_touched (organisation_id INTEGER NOT NULL, snapshot_date_key INTEGER NOT NULL, PRIMARY KEY (organisation_id, snapshot_date_key)) WITHOUT ROWID;
        CREATE TEMP TABLE IF NOT EXISTS derived_period (organisation_id INTEGER NOT NULL, end_date_key INTEGER NOT NULL, PRIMARY KEY (organisation_id, end_date_key)) WITHOUT ROWID;
        DELETE FROM temp.derived_touched;
        DELETE FROM temp.derived_period;
        """;

    /// <summary>
    /// Recomputes what depends on the facts of <paramref name="touched"/>, in <paramref name="tx"/>. Call it after the
    /// facts of those pairs are final (after supersession), with every pair whose facts were added, removed or changed.
    /// </summary>
    public static void Refresh(SqliteConnection connection, SqliteTransaction tx, IReadOnlyCollection<(long OrganisationId, int SnapshotDateKey)> touched)
    {
        ArgumentNullException.ThrowIfNull(touched);
        if (touched.Count == 0)
        {
            return;
        }

        connection.Execute(Prepare, transaction: tx);
        connection.Execute(
            "INSERT OR IGNORE INTO temp.derived_touched (organisation_id, snapshot_date_key) VALUES (@OrganisationId, @SnapshotDateKey)",
            touched.Select(p => new { p.OrganisationId, p.SnapshotDateKey }),
            tx);
        foreach (var statement in Statements)
        {
            connection.Execute(statement, transaction: tx);
        }

        connection.Execute("DELETE FROM temp.derived_touched; DELETE FROM temp.derived_period;", transaction: tx);
    }
}
