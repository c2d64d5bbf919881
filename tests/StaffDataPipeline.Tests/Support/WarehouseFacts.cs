using Dapper;
using Microsoft.Data.Sqlite;

namespace StaffDataPipeline.Tests.Support;

/// <summary>
/// The facts of a SQLite warehouse in a form two warehouses can be compared in, whatever ids each assigned: for tests
/// that load one report in two shapes (CSV and workbook, two delimiters) and expect the same facts.
/// </summary>
internal static class WarehouseFacts
{
    /// <summary>
    /// Every column of every fact (whatever columns the schema has grown), with the dimensions' natural keys beside the
    /// surrogate ones; only the fact's own id, its batch and its source row are left out of <c>Values</c>.
    /// </summary>
    public static List<(long SourceRow, string Values)> Of(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        var rows = connection.Query(
            """
            SELECT d.calendar_date, o.organisation_code, r.role_code, g.grade_code, p.person_key, s.service_area_code,
                   pos.position_title, pos.staff_group, pos.occupation_code, pos.area_of_work, pos.job_role, pos.cost_centre,
                   pos.grade_as_written, f.*
            FROM fact_staff_in_post f
            JOIN dim_date d ON d.date_key = f.snapshot_date_key
            JOIN dim_organisation o ON o.organisation_id = f.organisation_id
            JOIN dim_role r ON r.role_id = f.role_id
            JOIN dim_grade g ON g.grade_id = f.grade_id
            JOIN dim_person p ON p.person_id = f.person_id
            JOIN dim_service_area s ON s.service_area_id = f.service_area_id
            JOIN dim_position pos ON pos.position_id = f.position_id
            ORDER BY f.source_row
            """);
        return rows.Cast<IDictionary<string, object?>>()
            .Select(row => (
                Convert.ToInt64(row["source_row"], System.Globalization.CultureInfo.InvariantCulture),
                string.Join(" | ", row.Where(kv => kv.Key is not ("fact_id" or "batch_id" or "source_row" or "position_id" or "person_id" or "organisation_id" or "role_id" or "grade_id" or "service_area_id")).Select(kv => $"{kv.Key}={kv.Value}"))))
            .ToList();
    }
}
