using Dapper;
using Microsoft.Data.Sqlite;

namespace StaffDataPipeline.Sqlite;

/// <summary>
/// Derives the survey fact cells from survey_line: lines of one return that map to the same role and grade are summed
/// (SUM keeps NULL when no line gave a figure), and source_rows says which lines made the cell.
/// </summary>
internal static class SurveyFacts
{
    public static void Rebuild(SqliteConnection connection, SqliteTransaction tx, long? returnId, string taxonomyVersion)
    {
        var where = returnId is null ? string.Empty : "AND l.return_id = @returnId";
        var args = new { returnId, taxonomyVersion };
        connection.Execute($"DELETE FROM fact_survey_workforce WHERE @returnId IS NULL OR return_id = @returnId", args, tx);
        connection.Execute($"DELETE FROM fact_workforce_projection WHERE @returnId IS NULL OR return_id = @returnId", args, tx);
        connection.Execute(
            $"""
            INSERT INTO fact_survey_workforce (return_id, role_id, grade_id, headcount, wte_in_post, establishment_wte, vacant_wte, agency_locum_wte, training_wte, source_rows, rule_id, taxonomy_version)
            SELECT l.return_id, l.role_id, l.grade_id, SUM(headcount), SUM(wte_in_post), SUM(establishment_wte), SUM(vacant_wte), SUM(agency_locum_wte), SUM(training_wte),
                   GROUP_CONCAT(sheet_name || '!' || row_number, ','), GROUP_CONCAT(DISTINCT rule_id), @taxonomyVersion
            FROM survey_line l JOIN dim_role r ON r.role_id = l.role_id
            WHERE l.horizon_years = 0 AND r.role_code <> 'OUT-OF-SCOPE' {where}
            GROUP BY l.return_id, l.role_id, l.grade_id
            """,
            args,
            tx);
        connection.Execute(
            $"""
            INSERT INTO fact_workforce_projection (return_id, role_id, grade_id, horizon_years, projected_wte, driver, source_rows, rule_id, taxonomy_version)
            SELECT l.return_id, l.role_id, l.grade_id, l.horizon_years, SUM(projected_wte), GROUP_CONCAT(driver, '; '),
                   GROUP_CONCAT(sheet_name || '!' || row_number, ','), GROUP_CONCAT(DISTINCT rule_id), @taxonomyVersion
            FROM survey_line l JOIN dim_role r ON r.role_id = l.role_id
            WHERE l.horizon_years > 0 AND r.role_code <> 'OUT-OF-SCOPE' {where}
            GROUP BY l.return_id, l.role_id, l.grade_id, l.horizon_years
            """,
            args,
            tx);
    }
}
