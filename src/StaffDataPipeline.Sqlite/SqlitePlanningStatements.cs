namespace StaffDataPipeline.Sqlite;

/// <summary>
/// The plan's reads in SQLite. A person's age band in a month is that of their facts there (one per person and month);
/// a person counts once per organisation and month (derived_person_month: the primary assignment's role, all FTE).
/// </summary>
internal static class SqlitePlanningStatements
{
    public const string Snapshots =
        """
        SELECT o.organisation_code, s.snapshot_date_key
        FROM derived_organisation_snapshot s JOIN dim_organisation o ON o.organisation_id = s.organisation_id
        ORDER BY o.organisation_code, s.snapshot_date_key
        """;

    public const string TempTables =
        """
        CREATE TEMP TABLE IF NOT EXISTS plan_trainee_role (role_code TEXT PRIMARY KEY);
        CREATE TEMP TABLE IF NOT EXISTS plan_window (organisation_id INTEGER NOT NULL, start_key INTEGER NOT NULL, end_key INTEGER NOT NULL, months INTEGER NOT NULL, PRIMARY KEY (organisation_id, end_key));
        DELETE FROM temp.plan_trainee_role;
        DELETE FROM temp.plan_window;
        """;

    private const string Latest =
        """
        latest AS (
            SELECT organisation_id, MIN(snapshot_date_key) AS first_key, MAX(snapshot_date_key) AS latest_key
            FROM derived_organisation_snapshot GROUP BY organisation_id)
        """;

    /// <summary>Heads and FTE at each organisation's latest snapshot by role and age band.</summary>
    public const string Stock =
        $"""
        WITH {Latest},
        ages AS (
            SELECT f.organisation_id, f.person_id, MIN(f.age_band) AS age_band
            FROM latest l JOIN fact_staff_in_post f ON f.organisation_id = l.organisation_id AND f.snapshot_date_key = l.latest_key
            GROUP BY f.organisation_id, f.person_id)
        SELECT o.organisation_code, r.role_code, COALESCE(a.age_band, 'Unknown') AS age_band, COUNT(*) AS heads, SUM(p.fte) AS fte
        FROM latest l
        JOIN derived_person_month p ON p.organisation_id = l.organisation_id AND p.snapshot_date_key = l.latest_key
        LEFT JOIN ages a ON a.organisation_id = p.organisation_id AND a.person_id = p.person_id
        JOIN dim_organisation o ON o.organisation_id = p.organisation_id
        JOIN dim_role r ON r.role_id = p.role_id
        WHERE r.role_code NOT IN ('OUT-OF-SCOPE', 'UNMAPPED')
        GROUP BY o.organisation_code, r.role_code, COALESCE(a.age_band, 'Unknown')
        ORDER BY 1, 2, 3
        """;

    private const string WindowAges =
        """
        ages AS (
            SELECT f.organisation_id, f.snapshot_date_key, f.person_id, MIN(f.age_band) AS age_band
            FROM (SELECT organisation_id, start_key AS date_key FROM temp.plan_window UNION SELECT organisation_id, end_key FROM temp.plan_window) w
            CROSS JOIN fact_staff_in_post f ON f.organisation_id = w.organisation_id AND f.snapshot_date_key = w.date_key
            GROUP BY f.organisation_id, f.snapshot_date_key, f.person_id)
        """;

    /// <summary>
    /// In post at each window's start, by role and age band then: how many are not in post in the organisation at its
    /// end (leavers), and of those how many are in post in another organisation then (moves; only the national
    /// identifier on both sides can tell).
    /// </summary>
    public const string FlowStarts =
        $"""
        WITH {WindowAges}
        SELECT o.organisation_code, w.end_key, w.months, r.role_code, COALESCE(a.age_band, 'Unknown') AS age_band,
               COUNT(*) AS start_heads,
               SUM(CASE WHEN e.person_id IS NULL THEN 1 ELSE 0 END) AS leavers,
               SUM(CASE WHEN e.person_id IS NULL AND s.national_identifier = 1 AND EXISTS (
                        SELECT 1 FROM derived_person_month x
                        WHERE x.snapshot_date_key = w.end_key AND x.person_id = s.person_id AND x.organisation_id <> w.organisation_id AND x.national_identifier = 1)
                        THEN 1 ELSE 0 END) AS leavers_to_other
        FROM temp.plan_window w
        CROSS JOIN derived_person_month s ON s.organisation_id = w.organisation_id AND s.snapshot_date_key = w.start_key
        LEFT JOIN derived_person_month e ON e.organisation_id = w.organisation_id AND e.snapshot_date_key = w.end_key AND e.person_id = s.person_id
        LEFT JOIN ages a ON a.organisation_id = s.organisation_id AND a.snapshot_date_key = s.snapshot_date_key AND a.person_id = s.person_id
        JOIN dim_organisation o ON o.organisation_id = w.organisation_id
        JOIN dim_role r ON r.role_id = s.role_id
        WHERE r.role_code NOT IN ('OUT-OF-SCOPE', 'UNMAPPED')
        GROUP BY o.organisation_code, w.end_key, w.months, r.role_code, COALESCE(a.age_band, 'Unknown')
        """;

    /// <summary>
    /// In post at each window's end and not at its start, by role and age band at the end: from another organisation
    /// (in post there at the start, national identifier both sides), newly qualified (and in a trainee role there), or
    /// new to the NHS.
    /// </summary>
    public const string FlowEnds =
        $"""
        WITH {WindowAges},
        joiners AS (
            SELECT w.organisation_id, w.end_key, w.months, e.role_id, e.person_id, e.snapshot_date_key,
                   (SELECT MAX(CASE WHEN tr.role_code IS NOT NULL THEN 2 ELSE 1 END)
                    FROM derived_person_month x JOIN dim_role xr ON xr.role_id = x.role_id LEFT JOIN temp.plan_trainee_role tr ON tr.role_code = xr.role_code
                    WHERE e.national_identifier = 1 AND x.snapshot_date_key = w.start_key AND x.person_id = e.person_id
                      AND x.organisation_id <> w.organisation_id AND x.national_identifier = 1) AS came_from
            FROM temp.plan_window w
            CROSS JOIN derived_person_month e ON e.organisation_id = w.organisation_id AND e.snapshot_date_key = w.end_key
            WHERE NOT EXISTS (SELECT 1 FROM derived_person_month s WHERE s.organisation_id = w.organisation_id AND s.snapshot_date_key = w.start_key AND s.person_id = e.person_id))
        SELECT o.organisation_code, j.end_key, j.months, r.role_code, COALESCE(a.age_band, 'Unknown') AS age_band,
               SUM(CASE WHEN j.came_from = 1 THEN 1 ELSE 0 END) AS from_other,
               SUM(CASE WHEN j.came_from IS NULL THEN 1 ELSE 0 END) AS new_to_nhs,
               SUM(CASE WHEN j.came_from = 2 THEN 1 ELSE 0 END) AS newly_qualified
        FROM joiners j
        LEFT JOIN ages a ON a.organisation_id = j.organisation_id AND a.snapshot_date_key = j.snapshot_date_key AND a.person_id = j.person_id
        JOIN dim_organisation o ON o.organisation_id = j.organisation_id
        JOIN dim_role r ON r.role_id = j.role_id
        WHERE r.role_code NOT IN ('OUT-OF-SCOPE', 'UNMAPPED')
        GROUP BY o.organisation_code, j.end_key, j.months, r.role_code, COALESCE(a.age_band, 'Unknown')
        """;

    /// <summary>Role changes inside an organisation over each window; trainees qualifying are the routes', so left out.</summary>
    public const string Moves =
        """
        SELECT o.organisation_code, fr.role_code, tr.role_code, w.months, COUNT(*) AS moves
        FROM temp.plan_window w
        CROSS JOIN derived_person_month s ON s.organisation_id = w.organisation_id AND s.snapshot_date_key = w.start_key
        CROSS JOIN derived_person_month e ON e.organisation_id = w.organisation_id AND e.snapshot_date_key = w.end_key AND e.person_id = s.person_id AND e.role_id <> s.role_id
        JOIN dim_organisation o ON o.organisation_id = w.organisation_id
        JOIN dim_role fr ON fr.role_id = s.role_id
        JOIN dim_role tr ON tr.role_id = e.role_id
        WHERE fr.role_code NOT IN (SELECT role_code FROM temp.plan_trainee_role)
          AND fr.role_code NOT IN ('OUT-OF-SCOPE', 'UNMAPPED') AND tr.role_code NOT IN ('OUT-OF-SCOPE', 'UNMAPPED')
        GROUP BY o.organisation_code, fr.role_code, tr.role_code, w.months
        ORDER BY 1, 2, 3, 4
        """;

    private const string TraineeFirsts =
        """
        firsts AS (
            SELECT p.organisation_id, p.person_id, p.role_id, MIN(p.snapshot_date_key) AS first_key
            FROM derived_person_month p JOIN dim_role r ON r.role_id = p.role_id
            WHERE r.role_code IN (SELECT role_code FROM temp.plan_trainee_role)
            GROUP BY p.organisation_id, p.person_id, p.role_id)
        """;

    /// <summary>Trainees in post at the latest snapshot, by role, grade (of their facts in the role then) and first month in the role there.</summary>
    public const string TraineesInPost =
        $"""
        WITH {Latest}, {TraineeFirsts}
        SELECT o.organisation_code, r.role_code,
               (SELECT MIN(g.grade_code) FROM fact_staff_in_post f JOIN dim_grade g ON g.grade_id = f.grade_id
                WHERE f.organisation_id = p.organisation_id AND f.snapshot_date_key = p.snapshot_date_key AND f.person_id = p.person_id AND f.role_id = p.role_id) AS grade_code,
               fi.first_key, l.first_key, l.latest_key, COUNT(*), SUM(p.fte)
        FROM latest l
        JOIN derived_person_month p ON p.organisation_id = l.organisation_id AND p.snapshot_date_key = l.latest_key
        JOIN firsts fi ON fi.organisation_id = p.organisation_id AND fi.person_id = p.person_id AND fi.role_id = p.role_id
        JOIN dim_organisation o ON o.organisation_id = p.organisation_id
        JOIN dim_role r ON r.role_id = p.role_id
        GROUP BY o.organisation_code, r.role_code, 3, fi.first_key, l.first_key, l.latest_key
        ORDER BY 1, 2, 3, 4
        """;

    /// <summary>Everyone first in a trainee role in an organisation in the 12 months to its latest snapshot (and after its first), by role, grade in their first month in it, and that month.</summary>
    public const string TraineeStarts =
        $"""
        WITH {Latest}, {TraineeFirsts}
        SELECT o.organisation_code, r.role_code,
               (SELECT MIN(g.grade_code) FROM fact_staff_in_post f JOIN dim_grade g ON g.grade_id = f.grade_id
                WHERE f.organisation_id = fi.organisation_id AND f.snapshot_date_key = fi.first_key AND f.person_id = fi.person_id AND f.role_id = fi.role_id) AS grade_code,
               fi.first_key, l.first_key, l.latest_key, COUNT(*), 0.0
        FROM firsts fi
        JOIN latest l ON l.organisation_id = fi.organisation_id
        JOIN dim_organisation o ON o.organisation_id = fi.organisation_id
        JOIN dim_role r ON r.role_id = fi.role_id
        WHERE fi.first_key > l.first_key
          AND (fi.first_key / 10000) * 12 + (fi.first_key / 100 % 100) > (l.latest_key / 10000) * 12 + (l.latest_key / 100 % 100) - 12
        GROUP BY o.organisation_code, r.role_code, 3, fi.first_key, l.first_key, l.latest_key
        ORDER BY 1, 2, 3, 4
        """;

    /// <summary>
    /// Stated demand from the latest current return of each organisation AND service area (a cancer return does not
    /// hide the same organisation's rare-disease return); superseded and withdrawn returns carry superseded_by_batch_id.
    /// With the WTE in post the return gives (null where it gives none), which splits supply across service areas.
    /// </summary>
    public const string Demand =
        """
        WITH current_return AS (
            SELECT s.return_id, s.organisation_id, s.service_area_id FROM survey_return s
            WHERE s.superseded_by_batch_id IS NULL
              AND s.period_date_key = (SELECT MAX(x.period_date_key) FROM survey_return x
                                       WHERE x.organisation_id = s.organisation_id AND x.service_area_id = s.service_area_id AND x.superseded_by_batch_id IS NULL)),
        figures AS (
            SELECT c.organisation_id, c.service_area_id, f.role_id, f.establishment_wte AS establishment, NULL AS wte_5y, NULL AS wte_10y, f.wte_in_post AS in_post
            FROM current_return c JOIN fact_survey_workforce f ON f.return_id = c.return_id
            UNION ALL
            SELECT c.organisation_id, c.service_area_id, p.role_id, NULL,
                   CASE WHEN p.horizon_years = 5 THEN p.projected_wte END, CASE WHEN p.horizon_years = 10 THEN p.projected_wte END, NULL
            FROM current_return c JOIN fact_workforce_projection p ON p.return_id = c.return_id)
        SELECT o.organisation_code, r.role_code, a.service_area_name, COALESCE(SUM(f.establishment), 0.0), SUM(f.wte_5y), SUM(f.wte_10y), SUM(f.in_post)
        FROM figures f
        JOIN dim_organisation o ON o.organisation_id = f.organisation_id
        JOIN dim_role r ON r.role_id = f.role_id
        JOIN dim_service_area a ON a.service_area_id = f.service_area_id
        WHERE r.role_code NOT IN ('OUT-OF-SCOPE', 'UNMAPPED')
        GROUP BY o.organisation_code, r.role_code, a.service_area_name
        ORDER BY 1, 2, 3
        """;
}
