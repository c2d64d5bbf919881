using Dapper;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>Review queue, unknown organisations and remap, on the SQLite warehouse.</summary>
public sealed class SqliteWarehouseReview : IWarehouseReview
{
    private readonly string _databasePath;

    public SqliteWarehouseReview(string databasePath) => _databasePath = databasePath;

    public Task<IReadOnlyList<UnmappedTitle>> UnmappedAsync(CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.Open(_databasePath);
        IReadOnlyList<UnmappedTitle> rows = connection.Query<UnmappedTitle>(
            """
            SELECT position_title AS PositionTitle, staff_group AS StaffGroup, occupation_code AS OccupationCode, area_of_work AS AreaOfWork,
                   job_role AS JobRole, row_count AS RowCount, first_seen_at AS FirstSeen, last_seen_at AS LastSeen
            FROM review_unmapped_title ORDER BY row_count DESC, position_title
            """).ToList();
        return Task.FromResult(rows);
    }

    public Task<IReadOnlyList<(string Code, string Name, long Facts)>> UnknownOrganisationsAsync(CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.Open(_databasePath);
        IReadOnlyList<(string, string, long)> rows = connection.Query<(string, string, long)>(
            """
            SELECT o.organisation_code, o.organisation_name, COUNT(f.fact_id)
            FROM dim_organisation o LEFT JOIN fact_staff_in_post f ON f.organisation_id = o.organisation_id
            WHERE o.organisation_type = 'Unknown' GROUP BY o.organisation_code, o.organisation_name ORDER BY o.organisation_code
            """).ToList();
        return Task.FromResult(rows);
    }

    /// <summary>
    /// Re-derives every stored post's role with the current rules, in one transaction. Facts of posts that are now
    /// out of scope are deleted (data minimisation): reload the source file if that was a rule mistake.
    /// </summary>
    public Task<RemapResult> RemapAsync(RoleMapper mapper, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.Open(_databasePath);
        using var tx = connection.BeginTransaction(deferred: false);
        var (roles, grades) = SqliteDimensions.RoleAndGradeKeys(connection, tx);
        var posts = connection.Query<PostRow>(
            """
            SELECT p.position_id AS Id, position_title AS PositionTitle, staff_group AS StaffGroup, occupation_code AS OccupationCode, area_of_work AS AreaOfWork,
                   job_role AS JobRole, cost_centre AS CostCentre, grade_as_written AS GradeAsWritten, r.role_code AS RoleCode, p.rule_id AS RuleId
            FROM dim_position p JOIN dim_role r ON r.role_id = p.role_id
            """,
            transaction: tx).ToList();
        long changed = 0, updated = 0, removed = 0;
        var version = mapper.Taxonomy.Version;
        foreach (var post in posts)
        {
            var descriptors = new PostDescriptors(post.PositionTitle, post.StaffGroup, post.OccupationCode, post.AreaOfWork, post.JobRole, post.CostCentre, post.GradeAsWritten);
            var decision = mapper.Map(descriptors.ToMappingInput());
            if (decision.RoleCode != post.RoleCode || decision.RuleId != post.RuleId)
            {
                changed++;
            }

            var args = new { role = roles[decision.RoleCode], grade = grades[decision.Grade.Code], rule = decision.RuleId, version, id = post.Id };
            connection.Execute("UPDATE dim_position SET role_id = @role, rule_id = @rule, taxonomy_version = @version WHERE position_id = @id", args, tx);
            if (decision.IsInScope)
            {
                updated += connection.Execute("UPDATE fact_staff_in_post SET role_id = @role, grade_id = @grade, rule_id = @rule, taxonomy_version = @version WHERE position_id = @id", args, tx);
            }
            else
            {
                removed += connection.Execute("DELETE FROM fact_staff_in_post WHERE position_id = @id", args, tx);
            }
        }

        var surveyLinesChanged = RemapSurveyLines(connection, tx, mapper, roles, grades);
        SurveyFacts.Rebuild(connection, tx, null, version);

        // Titles that now map leave the review queue (ESR posts, and survey roles which are queued with area 'Survey return').
        connection.Execute(
            """
            DELETE FROM review_unmapped_title WHERE NOT EXISTS (
                SELECT 1 FROM dim_position p JOIN dim_role r ON r.role_id = p.role_id
                WHERE r.role_code = 'UNMAPPED' AND p.position_title = review_unmapped_title.position_title AND p.staff_group = review_unmapped_title.staff_group
                  AND p.occupation_code = review_unmapped_title.occupation_code AND p.area_of_work = review_unmapped_title.area_of_work AND p.job_role = review_unmapped_title.job_role)
            AND NOT EXISTS (
                SELECT 1 FROM survey_line l JOIN dim_role r ON r.role_id = l.role_id
                WHERE r.role_code = 'UNMAPPED' AND review_unmapped_title.area_of_work = 'Survey return' AND l.role_as_written = review_unmapped_title.position_title)
            """,
            transaction: tx);
        connection.Execute(
            "INSERT OR IGNORE INTO taxonomy_version (version, first_used_at, rule_count) VALUES (@version, @now, @rules)",
            new { version, now = SqliteConnections.Timestamp(now), rules = mapper.Rules.Count },
            tx);
        tx.Commit();
        return Task.FromResult(new RemapResult(version, posts.Count, changed, updated, removed) { SurveyLinesChanged = surveyLinesChanged });
    }

    private static long RemapSurveyLines(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction tx, RoleMapper mapper, Dictionary<string, long> roles, Dictionary<string, long> grades)
    {
        var lines = connection.Query<(string Role, string? Grade, string RoleCode, string RuleId)>(
            "SELECT DISTINCT role_as_written, grade_as_written, r.role_code, l.rule_id FROM survey_line l JOIN dim_role r ON r.role_id = l.role_id",
            transaction: tx).ToList();
        long changed = 0;
        foreach (var line in lines)
        {
            var decision = Surveys.SurveyRoles.Decide(mapper, line.Role, line.Grade);
            if (decision.RoleCode == line.RoleCode && decision.RuleId == line.RuleId)
            {
                continue;
            }

            changed += connection.Execute(
                "UPDATE survey_line SET role_id = @role, grade_id = @grade, rule_id = @rule WHERE role_as_written = @Role AND grade_as_written IS @Grade",
                new { role = roles[decision.RoleCode], grade = grades[decision.Grade.Code], rule = decision.RuleId, line.Role, line.Grade },
                tx);
        }

        return changed;
    }

    private sealed record PostRow(long Id, string PositionTitle, string StaffGroup, string OccupationCode, string AreaOfWork, string JobRole, string CostCentre, string GradeAsWritten, string RoleCode, string RuleId);
}
