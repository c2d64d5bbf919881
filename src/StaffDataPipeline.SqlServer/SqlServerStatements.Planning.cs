namespace StaffDataPipeline.SqlServer;

/// <summary>
/// The plan's reads and run records on SQL Server (the same as SqlitePlanningStatements, in T-SQL). Each read is sent
/// as <see cref="PlanSetup"/> + the read + <see cref="PlanDrop"/> in one command: the windows and trainee roles travel
/// as JSON parameters (@windows, @roles) into temp tables that live only for that command.
/// </summary>
internal static partial class SqlServerStatements
{
    public const string PlanSnapshots = """
        SELECT o.organisation_code, s.snapshot_date_key
        FROM staffdata.derived_organisation_snapshot s JOIN staffdata.dim_organisation o ON o.organisation_id = s.organisation_id
        ORDER BY o.organisation_code, s.snapshot_date_key;
        """;

    public const string PlanSetup = """
        DROP TABLE IF EXISTS #plan_window;
        DROP TABLE IF EXISTS #plan_trainee_role;
        CREATE TABLE #plan_window (organisation_id int NOT NULL, start_key int NOT NULL, end_key int NOT NULL, months int NOT NULL, PRIMARY KEY (organisation_id, end_key));
        CREATE TABLE #plan_trainee_role (role_code nvarchar(100) COLLATE DATABASE_DEFAULT NOT NULL PRIMARY KEY);
        INSERT INTO #plan_window (organisation_id, start_key, end_key, months)
        SELECT o.organisation_id, j.start_key, j.end_key, j.months
        FROM OPENJSON(@windows) WITH (organisation_code nvarchar(100) '$[0]', start_key int '$[1]', end_key int '$[2]', months int '$[3]') AS j
        JOIN staffdata.dim_organisation o ON o.organisation_code = j.organisation_code;
        INSERT INTO #plan_trainee_role (role_code) SELECT DISTINCT j.role_code FROM OPENJSON(@roles) WITH (role_code nvarchar(100) '$') AS j;
        """;

    public const string PlanDrop = "DROP TABLE #plan_window; DROP TABLE #plan_trainee_role;";

    public const string PlanStock = """
        WITH latest AS (
            SELECT s.organisation_id, MAX(s.snapshot_date_key) AS latest_key FROM staffdata.derived_organisation_snapshot s GROUP BY s.organisation_id),
        ages AS (
            SELECT f.organisation_id, f.person_id, MIN(f.age_band) AS age_band
            FROM latest l JOIN staffdata.fact_staff_in_post f ON f.organisation_id = l.organisation_id AND f.snapshot_date_key = l.latest_key
            GROUP BY f.organisation_id, f.person_id),
        people AS (
            SELECT o.organisation_code, r.role_code, COALESCE(a.age_band, N'Unknown') AS age_band, p.fte
            FROM latest l
            JOIN staffdata.derived_person_month p ON p.organisation_id = l.organisation_id AND p.snapshot_date_key = l.latest_key
            LEFT JOIN ages a ON a.organisation_id = p.organisation_id AND a.person_id = p.person_id
            JOIN staffdata.dim_organisation o ON o.organisation_id = p.organisation_id
            JOIN staffdata.dim_role r ON r.role_id = p.role_id
            WHERE r.role_code NOT IN (N'OUT-OF-SCOPE', N'UNMAPPED'))
        SELECT organisation_code, role_code, age_band, COUNT(*) AS heads, CAST(SUM(fte) AS float) AS fte
        FROM people GROUP BY organisation_code, role_code, age_band
        ORDER BY organisation_code, role_code, age_band;
        """;

    public const string PlanFlowStarts = """
        WITH ages AS (
            SELECT f.organisation_id, f.snapshot_date_key, f.person_id, MIN(f.age_band) AS age_band
            FROM (SELECT w.organisation_id, w.start_key AS date_key FROM #plan_window w UNION SELECT w.organisation_id, w.end_key FROM #plan_window w) AS k
            JOIN staffdata.fact_staff_in_post f ON f.organisation_id = k.organisation_id AND f.snapshot_date_key = k.date_key
            GROUP BY f.organisation_id, f.snapshot_date_key, f.person_id),
        starts AS (
            SELECT o.organisation_code, w.end_key, w.months, r.role_code, COALESCE(a.age_band, N'Unknown') AS age_band,
                   CASE WHEN e.person_id IS NULL THEN 1 ELSE 0 END AS left_organisation,
                   CASE WHEN e.person_id IS NULL AND s.national_identifier = 1 AND EXISTS (
                            SELECT 1 FROM staffdata.derived_person_month x
                            WHERE x.snapshot_date_key = w.end_key AND x.person_id = s.person_id AND x.organisation_id <> w.organisation_id AND x.national_identifier = 1)
                        THEN 1 ELSE 0 END AS moved
            FROM #plan_window w
            JOIN staffdata.derived_person_month s ON s.organisation_id = w.organisation_id AND s.snapshot_date_key = w.start_key
            LEFT JOIN staffdata.derived_person_month e ON e.organisation_id = w.organisation_id AND e.snapshot_date_key = w.end_key AND e.person_id = s.person_id
            LEFT JOIN ages a ON a.organisation_id = s.organisation_id AND a.snapshot_date_key = s.snapshot_date_key AND a.person_id = s.person_id
            JOIN staffdata.dim_organisation o ON o.organisation_id = w.organisation_id
            JOIN staffdata.dim_role r ON r.role_id = s.role_id
            WHERE r.role_code NOT IN (N'OUT-OF-SCOPE', N'UNMAPPED'))
        SELECT organisation_code, end_key, months, role_code, age_band, COUNT(*) AS start_heads, SUM(left_organisation) AS leavers, SUM(moved) AS leavers_to_other
        FROM starts GROUP BY organisation_code, end_key, months, role_code, age_band;
        """;

    public const string PlanFlowEnds = """
        WITH ages AS (
            SELECT f.organisation_id, f.snapshot_date_key, f.person_id, MIN(f.age_band) AS age_band
            FROM (SELECT w.organisation_id, w.start_key AS date_key FROM #plan_window w UNION SELECT w.organisation_id, w.end_key FROM #plan_window w) AS k
            JOIN staffdata.fact_staff_in_post f ON f.organisation_id = k.organisation_id AND f.snapshot_date_key = k.date_key
            GROUP BY f.organisation_id, f.snapshot_date_key, f.person_id),
        joiners AS (
            SELECT w.organisation_id, w.end_key, w.months, e.role_id, e.person_id, e.snapshot_date_key,
                   (SELECT MAX(CASE WHEN tr.role_code IS NOT NULL THEN 2 ELSE 1 END)
                    FROM staffdata.derived_person_month x
                    JOIN staffdata.dim_role xr ON xr.role_id = x.role_id
                    LEFT JOIN #plan_trainee_role tr ON tr.role_code = xr.role_code
                    WHERE e.national_identifier = 1 AND x.snapshot_date_key = w.start_key AND x.person_id = e.person_id
                      AND x.organisation_id <> w.organisation_id AND x.national_identifier = 1) AS came_from
            FROM #plan_window w
            JOIN staffdata.derived_person_month e ON e.organisation_id = w.organisation_id AND e.snapshot_date_key = w.end_key
            WHERE NOT EXISTS (SELECT 1 FROM staffdata.derived_person_month s WHERE s.organisation_id = w.organisation_id AND s.snapshot_date_key = w.start_key AND s.person_id = e.person_id)),
        labelled AS (
            SELECT o.organisation_code, j.end_key, j.months, r.role_code, COALESCE(a.age_band, N'Unknown') AS age_band, j.came_from
            FROM joiners j
            LEFT JOIN ages a ON a.organisation_id = j.organisation_id AND a.snapshot_date_key = j.snapshot_date_key AND a.person_id = j.person_id
            JOIN staffdata.dim_organisation o ON o.organisation_id = j.organisation_id
            JOIN staffdata.dim_role r ON r.role_id = j.role_id
            WHERE r.role_code NOT IN (N'OUT-OF-SCOPE', N'UNMAPPED'))
        SELECT organisation_code, end_key, months, role_code, age_band,
               SUM(CASE WHEN came_from = 1 THEN 1 ELSE 0 END) AS from_other,
               SUM(CASE WHEN came_from IS NULL THEN 1 ELSE 0 END) AS new_to_nhs,
               SUM(CASE WHEN came_from = 2 THEN 1 ELSE 0 END) AS newly_qualified
        FROM labelled GROUP BY organisation_code, end_key, months, role_code, age_band;
        """;

    public const string PlanMoves = """
        SELECT o.organisation_code, fr.role_code AS from_role, tr.role_code AS to_role, w.months, COUNT(*) AS moves
        FROM #plan_window w
        JOIN staffdata.derived_person_month s ON s.organisation_id = w.organisation_id AND s.snapshot_date_key = w.start_key
        JOIN staffdata.derived_person_month e ON e.organisation_id = w.organisation_id AND e.snapshot_date_key = w.end_key AND e.person_id = s.person_id AND e.role_id <> s.role_id
        JOIN staffdata.dim_organisation o ON o.organisation_id = w.organisation_id
        JOIN staffdata.dim_role fr ON fr.role_id = s.role_id
        JOIN staffdata.dim_role tr ON tr.role_id = e.role_id
        WHERE fr.role_code NOT IN (SELECT t.role_code FROM #plan_trainee_role t)
          AND fr.role_code NOT IN (N'OUT-OF-SCOPE', N'UNMAPPED') AND tr.role_code NOT IN (N'OUT-OF-SCOPE', N'UNMAPPED')
        GROUP BY o.organisation_code, fr.role_code, tr.role_code, w.months
        ORDER BY o.organisation_code, fr.role_code, tr.role_code, w.months;
        """;

    public const string PlanTraineesInPost = """
        WITH latest AS (
            SELECT s.organisation_id, MIN(s.snapshot_date_key) AS first_key, MAX(s.snapshot_date_key) AS latest_key
            FROM staffdata.derived_organisation_snapshot s GROUP BY s.organisation_id),
        firsts AS (
            SELECT p.organisation_id, p.person_id, p.role_id, MIN(p.snapshot_date_key) AS first_key
            FROM staffdata.derived_person_month p JOIN staffdata.dim_role r ON r.role_id = p.role_id
            WHERE r.role_code IN (SELECT t.role_code FROM #plan_trainee_role t)
            GROUP BY p.organisation_id, p.person_id, p.role_id),
        trainees AS (
            SELECT o.organisation_code, r.role_code,
                   (SELECT MIN(g.grade_code) FROM staffdata.fact_staff_in_post f JOIN staffdata.dim_grade g ON g.grade_id = f.grade_id
                    WHERE f.organisation_id = p.organisation_id AND f.snapshot_date_key = p.snapshot_date_key AND f.person_id = p.person_id AND f.role_id = p.role_id) AS grade_code,
                   fi.first_key, l.first_key AS organisation_first_key, l.latest_key, p.fte
            FROM latest l
            JOIN staffdata.derived_person_month p ON p.organisation_id = l.organisation_id AND p.snapshot_date_key = l.latest_key
            JOIN firsts fi ON fi.organisation_id = p.organisation_id AND fi.person_id = p.person_id AND fi.role_id = p.role_id
            JOIN staffdata.dim_organisation o ON o.organisation_id = p.organisation_id
            JOIN staffdata.dim_role r ON r.role_id = p.role_id)
        SELECT organisation_code, role_code, COALESCE(grade_code, N'UNKNOWN') AS grade_code, first_key, organisation_first_key, latest_key, COUNT(*) AS heads, CAST(SUM(fte) AS float) AS fte
        FROM trainees GROUP BY organisation_code, role_code, grade_code, first_key, organisation_first_key, latest_key
        ORDER BY organisation_code, role_code, grade_code, first_key;
        """;

    public const string PlanTraineeStarts = """
        WITH latest AS (
            SELECT s.organisation_id, MIN(s.snapshot_date_key) AS first_key, MAX(s.snapshot_date_key) AS latest_key
            FROM staffdata.derived_organisation_snapshot s GROUP BY s.organisation_id),
        firsts AS (
            SELECT p.organisation_id, p.person_id, p.role_id, MIN(p.snapshot_date_key) AS first_key
            FROM staffdata.derived_person_month p JOIN staffdata.dim_role r ON r.role_id = p.role_id
            WHERE r.role_code IN (SELECT t.role_code FROM #plan_trainee_role t)
            GROUP BY p.organisation_id, p.person_id, p.role_id),
        starters AS (
            SELECT o.organisation_code, r.role_code,
                   (SELECT MIN(g.grade_code) FROM staffdata.fact_staff_in_post f JOIN staffdata.dim_grade g ON g.grade_id = f.grade_id
                    WHERE f.organisation_id = fi.organisation_id AND f.snapshot_date_key = fi.first_key AND f.person_id = fi.person_id AND f.role_id = fi.role_id) AS grade_code,
                   fi.first_key, l.first_key AS organisation_first_key, l.latest_key
            FROM firsts fi
            JOIN latest l ON l.organisation_id = fi.organisation_id
            JOIN staffdata.dim_organisation o ON o.organisation_id = fi.organisation_id
            JOIN staffdata.dim_role r ON r.role_id = fi.role_id
            WHERE fi.first_key > l.first_key
              AND (fi.first_key / 10000) * 12 + (fi.first_key / 100 % 100) > (l.latest_key / 10000) * 12 + (l.latest_key / 100 % 100) - 12)
        SELECT organisation_code, role_code, COALESCE(grade_code, N'UNKNOWN') AS grade_code, first_key, organisation_first_key, latest_key, COUNT(*) AS heads, CAST(0 AS float) AS fte
        FROM starters GROUP BY organisation_code, role_code, grade_code, first_key, organisation_first_key, latest_key
        ORDER BY organisation_code, role_code, grade_code, first_key;
        """;

    /// <summary>Stated demand from the latest current return of each organisation AND service area.</summary>
    public const string PlanDemand = """
        WITH current_return AS (
            SELECT s.return_id, s.organisation_id, s.service_area_id FROM staffdata.survey_return s
            WHERE s.superseded_by_batch_id IS NULL
              AND s.period_date_key = (SELECT MAX(x.period_date_key) FROM staffdata.survey_return x
                                       WHERE x.organisation_id = s.organisation_id AND x.service_area_id = s.service_area_id AND x.superseded_by_batch_id IS NULL)),
        figures AS (
            SELECT c.organisation_id, c.service_area_id, f.role_id, CAST(f.establishment_wte AS float) AS establishment, CAST(NULL AS float) AS wte_5y, CAST(NULL AS float) AS wte_10y,
                   CAST(f.wte_in_post AS float) AS in_post
            FROM current_return c JOIN staffdata.fact_survey_workforce f ON f.return_id = c.return_id
            UNION ALL
            SELECT c.organisation_id, c.service_area_id, p.role_id, NULL,
                   CASE WHEN p.horizon_years = 5 THEN CAST(p.projected_wte AS float) END, CASE WHEN p.horizon_years = 10 THEN CAST(p.projected_wte AS float) END, NULL
            FROM current_return c JOIN staffdata.fact_workforce_projection p ON p.return_id = c.return_id)
        SELECT o.organisation_code, r.role_code, a.service_area_name, COALESCE(SUM(f.establishment), 0.0) AS establishment, SUM(f.wte_5y) AS wte_5y, SUM(f.wte_10y) AS wte_10y,
               SUM(f.in_post) AS in_post
        FROM figures f
        JOIN staffdata.dim_organisation o ON o.organisation_id = f.organisation_id
        JOIN staffdata.dim_role r ON r.role_id = f.role_id
        JOIN staffdata.dim_service_area a ON a.service_area_id = f.service_area_id
        WHERE r.role_code NOT IN (N'OUT-OF-SCOPE', N'UNMAPPED')
        GROUP BY o.organisation_code, r.role_code, a.service_area_name
        ORDER BY o.organisation_code, r.role_code, a.service_area_name;
        """;

    public const string PlanInsertRun = """
        INSERT INTO staffdata.plan_run (ran_at, data_as_of, assumptions_version, scenario, seed, runs)
        OUTPUT INSERTED.run_id
        VALUES (@ranAt, @dataAsOf, @version, @scenario, @seed, @runs);
        """;

    /// <summary>A run's rows travel as one JSON parameter: one statement whatever the number of lines.</summary>
    public const string PlanInsertProjection = """
        INSERT INTO staffdata.plan_projection (run_id, unit_kind, unit_code, unit_name, role_code, role_family, is_family, [year],
            supply_fte_p10, supply_fte_p50, supply_fte_p90, supply_heads_p50, demand_fte, gap_fte_p10, gap_fte_p50, gap_fte_p90,
            commissions_route_code, commissions_baseline, commissions_needed_p10, commissions_needed_p50, commissions_needed_p90, commissions_note,
            observed_months, observed_person_years, flags)
        SELECT @run, j.unit_kind, j.unit_code, j.unit_name, j.role_code, j.role_family, j.is_family, j.[year],
            j.supply_p10, j.supply_p50, j.supply_p90, j.heads_p50, j.demand, j.gap_p10, j.gap_p50, j.gap_p90,
            j.route, j.baseline, j.needed_p10, j.needed_p50, j.needed_p90, j.note, j.observed_months, j.person_years, j.flags
        FROM OPENJSON(@rows) WITH (
            unit_kind nvarchar(20) '$.UnitKind', unit_code nvarchar(100) '$.UnitCode', unit_name nvarchar(400) '$.UnitName',
            role_code nvarchar(100) '$.RoleCode', role_family nvarchar(100) '$.RoleFamily', is_family bit '$.IsFamily', [year] int '$.Year',
            supply_p10 float '$.SupplyP10', supply_p50 float '$.SupplyP50', supply_p90 float '$.SupplyP90', heads_p50 float '$.SupplyHeadsP50',
            demand float '$.Demand', gap_p10 float '$.GapP10', gap_p50 float '$.GapP50', gap_p90 float '$.GapP90',
            route nvarchar(40) '$.CommissionsRoute', baseline float '$.CommissionsBaseline', needed_p10 float '$.NeededP10', needed_p50 float '$.NeededP50',
            needed_p90 float '$.NeededP90', note nvarchar(400) '$.CommissionsNote', observed_months int '$.ObservedMonths',
            person_years float '$.ObservedPersonYears', flags nvarchar(400) '$.Flags') AS j;
        """;

    public const string PlanInsertCommissions = """
        INSERT INTO staffdata.plan_commission (run_id, unit_kind, unit_code, route_code, qualified_role_code, horizon_years, baseline_per_year, needed_p10, needed_p50, needed_p90, note)
        SELECT @run, j.unit_kind, j.unit_code, j.route_code, j.qualified_role_code, j.horizon_years, j.baseline, j.needed_p10, j.needed_p50, j.needed_p90, j.note
        FROM OPENJSON(@rows) WITH (
            unit_kind nvarchar(20) '$.UnitKind', unit_code nvarchar(100) '$.UnitCode', route_code nvarchar(40) '$.RouteCode',
            qualified_role_code nvarchar(100) '$.QualifiedRole', horizon_years int '$.Horizon', baseline float '$.Baseline',
            needed_p10 float '$.NeededP10', needed_p50 float '$.NeededP50', needed_p90 float '$.NeededP90', note nvarchar(400) '$.Note') AS j;
        """;

    /// <summary>Demand, supply and gap by service area (plan_demand), as one JSON parameter like the projection.</summary>
    public const string PlanInsertDemand = """
        INSERT INTO staffdata.plan_demand (run_id, unit_kind, unit_code, role_code, role_family, is_family, service_area_code, service_area_name, phase, [year],
            demand_fte, supply_share, supply_fte_p10, supply_fte_p50, supply_fte_p90, gap_fte_p10, gap_fte_p50, gap_fte_p90, split_note)
        SELECT @run, j.unit_kind, j.unit_code, j.role_code, j.role_family, j.is_family, j.area_code, j.area_name, j.phase, j.[year],
            j.demand, j.share, j.supply_p10, j.supply_p50, j.supply_p90, j.gap_p10, j.gap_p50, j.gap_p90, j.note
        FROM OPENJSON(@rows) WITH (
            unit_kind nvarchar(20) '$.UnitKind', unit_code nvarchar(100) '$.UnitCode', role_code nvarchar(100) '$.RoleCode',
            role_family nvarchar(100) '$.RoleFamily', is_family bit '$.IsFamily', area_code nvarchar(40) '$.ServiceAreaCode',
            area_name nvarchar(100) '$.ServiceAreaName', phase nvarchar(20) '$.Phase', [year] int '$.Year', demand float '$.Demand',
            share float '$.SupplyShare', supply_p10 float '$.SupplyP10', supply_p50 float '$.SupplyP50', supply_p90 float '$.SupplyP90',
            gap_p10 float '$.GapP10', gap_p50 float '$.GapP50', gap_p90 float '$.GapP90', note nvarchar(400) '$.SplitNote') AS j;
        """;
}
