using Dapper;
using StaffDataPipeline.Organisations;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>Review queue, unknown organisations and remap, on the SQLite warehouse.</summary>
public sealed class SqliteWarehouseReview : IWarehouseReview
{
    private readonly string _databasePath;
    private readonly SqliteBusyRetry _retry;

    public SqliteWarehouseReview(string databasePath, TimeProvider? time = null, TimeSpan? busyWait = null)
    {
        _databasePath = databasePath;
        _retry = new SqliteBusyRetry(busyWait ?? TimeSpan.FromSeconds(60), time ?? TimeProvider.System, databasePath);
    }

    public Task<IReadOnlyList<UnmappedTitle>> UnmappedAsync(CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.Open(_databasePath);
        IReadOnlyList<UnmappedTitle> rows = connection.Query<UnmappedTitleRow>(
            """
            WITH esr AS (
                SELECT p.position_title, p.staff_group, p.occupation_code, p.area_of_work, p.job_role, MIN(d.calendar_date) AS first_data, MAX(d.calendar_date) AS last_data
                FROM dim_position p JOIN fact_staff_in_post f ON f.position_id = p.position_id JOIN dim_date d ON d.date_key = f.snapshot_date_key
                GROUP BY p.position_title, p.staff_group, p.occupation_code, p.area_of_work, p.job_role),
            survey AS (
                SELECT l.role_as_written, MIN(r.return_period) AS first_data, MAX(r.return_period) AS last_data
                FROM survey_line l JOIN survey_return r ON r.return_id = l.return_id WHERE r.superseded_by_batch_id IS NULL GROUP BY l.role_as_written)
            SELECT t.position_title AS PositionTitle, t.staff_group AS StaffGroup, t.occupation_code AS OccupationCode, t.area_of_work AS AreaOfWork,
                   t.job_role AS JobRole, t.row_count AS RowCount, t.first_seen_at AS FirstSeen, t.last_seen_at AS LastSeen,
                   COALESCE(e.first_data, s.first_data) AS FirstData, COALESCE(e.last_data, s.last_data) AS LastData
            FROM review_unmapped_title t
            LEFT JOIN esr e ON e.position_title = t.position_title AND e.staff_group = t.staff_group AND e.occupation_code = t.occupation_code
                           AND e.area_of_work = t.area_of_work AND e.job_role = t.job_role
            LEFT JOIN survey s ON t.area_of_work = 'Survey return' AND s.role_as_written = t.position_title
            ORDER BY t.row_count DESC, t.position_title
            """).Select(r => r.ToTitle()).ToList();
        return Task.FromResult(rows);
    }

    public Task<IReadOnlyList<UnknownOrganisation>> UnknownOrganisationsAsync(CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.Open(_databasePath);
        IReadOnlyList<UnknownOrganisation> rows = connection.Query<(string Code, string Name, long Facts, long Returns)>(
            """
            SELECT o.organisation_code, o.organisation_name,
                   (SELECT COUNT(*) FROM fact_staff_in_post f WHERE f.organisation_id = o.organisation_id),
                   (SELECT COUNT(*) FROM survey_return s WHERE s.organisation_id = o.organisation_id AND s.superseded_by_batch_id IS NULL)
            FROM dim_organisation o
            WHERE o.organisation_type = 'Unknown' AND NOT EXISTS (SELECT 1 FROM ods_organisation d WHERE d.organisation_code = o.organisation_code)
            ORDER BY o.organisation_code
            """).Select(r => new UnknownOrganisation(r.Code, r.Name, r.Facts, r.Returns)).ToList();
        return Task.FromResult(rows);
    }

    public Task<OdsImportResult> ImportOdsAsync(IReadOnlyList<OdsOrganisation> release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        using var connection = SqliteConnections.Open(_databasePath);
        using var tx = _retry.Execute(() => connection.BeginTransaction(deferred: false));
        var stored = connection.Query<OdsRow>(
            OdsRow.Select,
            transaction: tx).ToDictionary(r => r.Code, r => r.ToOrganisation(), StringComparer.Ordinal);
        var plan = OdsImportPlan.Of(stored, release);
        connection.Execute(
            """
            INSERT INTO ods_organisation (organisation_code, organisation_name, parent_code, national_grouping, open_date, close_date)
            VALUES (@Code, @Name, @ParentCode, @NationalGrouping, @OpenDate, @CloseDate)
            ON CONFLICT (organisation_code) DO UPDATE SET organisation_name = excluded.organisation_name, parent_code = excluded.parent_code,
                national_grouping = excluded.national_grouping, open_date = excluded.open_date, close_date = excluded.close_date
            """,
            plan.Writes.Select(o => new { o.Code, o.Name, o.ParentCode, o.NationalGrouping, OpenDate = OdsRow.Text(o.OpenDate), CloseDate = OdsRow.Text(o.CloseDate) }),
            tx);

        // Trusts join the organisation dimension; the team's own rows keep their name, type and region and gain the dates.
        connection.Execute(
            """
            INSERT INTO dim_organisation (organisation_code, organisation_name, organisation_type, region_code, open_date, close_date)
            VALUES (@Code, @Name, 'Trust', @NationalGrouping, @OpenDate, @CloseDate)
            ON CONFLICT (organisation_code) DO UPDATE SET
                organisation_name = CASE WHEN organisation_type IN ('Unknown', 'Trust') THEN excluded.organisation_name ELSE organisation_name END,
                region_code = CASE WHEN organisation_type IN ('Unknown', 'Trust') THEN excluded.region_code ELSE region_code END,
                organisation_type = CASE WHEN organisation_type = 'Unknown' THEN 'Trust' ELSE organisation_type END,
                open_date = excluded.open_date, close_date = excluded.close_date
            """,
            plan.Writes.Where(o => !o.IsSite).Select(o => new { o.Code, o.Name, o.NationalGrouping, OpenDate = OdsRow.Text(o.OpenDate), CloseDate = OdsRow.Text(o.CloseDate) }),
            tx);
        tx.Commit();
        return Task.FromResult(plan.Result);
    }

    public Task<StoredRoles> ReadStoredRolesAsync(CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.Open(_databasePath);
        var posts = connection.Query<StoredPostRow>(
            """
            SELECT p.position_id AS Id, position_title AS PositionTitle, staff_group AS StaffGroup, occupation_code AS OccupationCode, area_of_work AS AreaOfWork,
                   job_role AS JobRole, cost_centre AS CostCentre, grade_as_written AS GradeAsWritten, r.role_code AS RoleCode, p.rule_id AS RuleId
            FROM dim_position p JOIN dim_role r ON r.role_id = p.role_id
            """).Select(p => p.ToStoredPost()).ToList();
        var survey = connection.Query<(string Role, string? Grade, string RoleCode, string RuleId)>(
            "SELECT DISTINCT role_as_written, grade_as_written, r.role_code, l.rule_id FROM survey_line l JOIN dim_role r ON r.role_id = l.role_id")
            .Select(l => new StoredSurveyRole(l.Role, l.Grade, l.RoleCode, l.RuleId)).ToList();
        return Task.FromResult(new StoredRoles(posts, survey));
    }

    /// <summary>
    /// Applies a remap decided in Core, in one transaction. Facts of posts that are now out of scope are deleted (data
    /// minimisation): reload the source file if that was a rule mistake.
    /// </summary>
    public Task<AppliedRoleChanges> ApplyRoleChangesAsync(RoleChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        using var connection = SqliteConnections.Open(_databasePath);
        using var tx = _retry.Execute(() => connection.BeginTransaction(deferred: false));
        var (roles, grades) = SqliteDimensions.RoleAndGradeKeys(connection, tx);
        var areas = connection.Query<(string, long)>("SELECT service_area_code, service_area_id FROM dim_service_area", transaction: tx).ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
        var version = changes.TaxonomyVersion;
        long updated = 0, removed = 0, surveyLines = 0, areasChanged = 0;
        var touched = new HashSet<(long, int)>();
        foreach (var post in changes.Posts)
        {
            var args = new { role = roles[post.RoleCode], grade = grades[post.GradeCode], rule = post.RuleId, version, id = post.PositionId };
            touched.UnionWith(connection.Query<(long, int)>("SELECT DISTINCT organisation_id, snapshot_date_key FROM fact_staff_in_post WHERE position_id = @id", args, tx));
            connection.Execute("UPDATE dim_position SET role_id = @role, rule_id = @rule, taxonomy_version = @version WHERE position_id = @id", args, tx);
            if (!post.IsInScope)
            {
                removed += connection.Execute("DELETE FROM fact_staff_in_post WHERE position_id = @id", args, tx);
                connection.Execute("DELETE FROM fact_staff_in_post_retired WHERE position_id = @id", args, tx);
                continue;
            }

            updated += connection.Execute("UPDATE fact_staff_in_post SET role_id = @role, grade_id = @grade, rule_id = @rule, taxonomy_version = @version WHERE position_id = @id", args, tx);

            // Retired facts follow the rules too, so that a withdrawal restores them as the current rules see them.
            connection.Execute("UPDATE fact_staff_in_post_retired SET role_id = @role, grade_id = @grade, rule_id = @rule, taxonomy_version = @version WHERE position_id = @id", args, tx);
            var place = new { area = areas[post.ServiceArea.ServiceAreaCode], areaRule = post.ServiceArea.RuleId, id = post.PositionId };
            areasChanged += connection.Execute(
                "UPDATE fact_staff_in_post SET service_area_id = @area, service_area_rule = @areaRule WHERE position_id = @id AND (service_area_id <> @area OR service_area_rule IS NOT @areaRule)",
                place,
                tx);
            connection.Execute(
                "UPDATE fact_staff_in_post_retired SET service_area_id = @area, service_area_rule = @areaRule WHERE position_id = @id AND (service_area_id <> @area OR service_area_rule IS NOT @areaRule)",
                place,
                tx);
        }

        foreach (var line in changes.SurveyRoles)
        {
            surveyLines += connection.Execute(
                "UPDATE survey_line SET role_id = @role, grade_id = @grade, rule_id = @rule WHERE role_as_written = @RoleAsWritten AND grade_as_written IS @GradeAsWritten",
                new { role = roles[line.RoleCode], grade = grades[line.GradeCode], rule = line.RuleId, line.RoleAsWritten, line.GradeAsWritten },
                tx);
        }

        SurveyFacts.Rebuild(connection, tx, null, version);

        // Roles, grades and service areas of ESR facts feed the person-months, flows and summary.
        SqliteDerivedTables.Refresh(connection, tx, touched);

        // Titles that now map leave the review queue (ESR posts, and survey roles which are queued with area 'Survey return').
        // The unmapped posts are listed once (NOT IN), not searched per queued title: dim_position has no index on its
        // descriptors since migration 0015. Every column is NOT NULL, so NOT IN means what NOT EXISTS meant.
        connection.Execute(
            """
            DELETE FROM review_unmapped_title WHERE (position_title, staff_group, occupation_code, area_of_work, job_role) NOT IN (
                SELECT p.position_title, p.staff_group, p.occupation_code, p.area_of_work, p.job_role FROM dim_position p JOIN dim_role r ON r.role_id = p.role_id
                WHERE r.role_code = 'UNMAPPED')
            AND NOT EXISTS (
                SELECT 1 FROM survey_line l JOIN dim_role r ON r.role_id = l.role_id
                WHERE r.role_code = 'UNMAPPED' AND review_unmapped_title.area_of_work = 'Survey return' AND l.role_as_written = review_unmapped_title.position_title)
            """,
            transaction: tx);

        // Posts and survey roles that no longer map (a title override removed, a rule narrowed) join the queue again, counted from their facts and lines.
        connection.Execute(
            """
            INSERT INTO review_unmapped_title (position_title, staff_group, occupation_code, area_of_work, job_role, row_count, first_seen_at, last_seen_at, first_batch_id, last_batch_id)
            SELECT p.position_title, p.staff_group, p.occupation_code, p.area_of_work, p.job_role, COUNT(*), @now, @now, MIN(f.batch_id), MAX(f.batch_id)
            FROM dim_position p JOIN dim_role r ON r.role_id = p.role_id JOIN fact_staff_in_post f ON f.position_id = p.position_id
            WHERE r.role_code = 'UNMAPPED' AND NOT EXISTS (
                SELECT 1 FROM review_unmapped_title t WHERE t.position_title = p.position_title AND t.staff_group = p.staff_group
                  AND t.occupation_code = p.occupation_code AND t.area_of_work = p.area_of_work AND t.job_role = p.job_role)
            GROUP BY p.position_title, p.staff_group, p.occupation_code, p.area_of_work, p.job_role;

            INSERT INTO review_unmapped_title (position_title, staff_group, occupation_code, area_of_work, job_role, row_count, first_seen_at, last_seen_at, first_batch_id, last_batch_id)
            SELECT l.role_as_written, '', '', 'Survey return', '', COUNT(*), @now, @now, MIN(s.batch_id), MAX(s.batch_id)
            FROM survey_line l JOIN dim_role r ON r.role_id = l.role_id JOIN survey_return s ON s.return_id = l.return_id
            WHERE r.role_code = 'UNMAPPED' AND s.superseded_by_batch_id IS NULL AND NOT EXISTS (
                SELECT 1 FROM review_unmapped_title t WHERE t.area_of_work = 'Survey return' AND t.position_title = l.role_as_written)
            GROUP BY l.role_as_written
            """,
            new { now = SqliteConnections.Timestamp(changes.DecidedAt) },
            tx);
        SqliteBatchAudit.RecordTaxonomyVersion(connection, version, changes.RuleCount, changes.DecidedAt, tx);
        tx.Commit();
        return Task.FromResult(new AppliedRoleChanges(updated, removed, surveyLines, areasChanged));
    }
}
