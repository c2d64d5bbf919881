using Microsoft.Data.SqlClient;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.SqlServer;

/// <summary>The latest batches from load_batch for the service's page of recent outcomes: one short query, no retries, like the health probe.</summary>
internal static class SqlServerRecentBatches
{
    /// <summary>Nothing when the schema is not there yet; otherwise the newest @Count batches. Parsed and bound by the ScriptDom tests.</summary>
    public const string Statement = """
        IF OBJECT_ID(N'staffdata.load_batch', N'U') IS NOT NULL
            SELECT TOP (@Count) b.batch_id, b.file_name, b.sha256, b.extractor, b.status, b.reason_code, b.message,
                   b.rows_read, b.rows_loaded, b.rows_rejected, b.started_at, b.finished_at,
                   COALESCE(
                       (SELECT o.organisation_code FROM staffdata.survey_return r JOIN staffdata.dim_organisation o ON o.organisation_id = r.organisation_id WHERE r.batch_id = b.batch_id),
                       (SELECT o.organisation_code FROM staffdata.dim_organisation o
                        WHERE o.organisation_id = (SELECT CASE WHEN MIN(f.organisation_id) = MAX(f.organisation_id) THEN MIN(f.organisation_id) END
                                                   FROM staffdata.fact_staff_in_post f WHERE f.batch_id = b.batch_id))) AS organisation_code,
                   COALESCE(
                       (SELECT r.return_period FROM staffdata.survey_return r WHERE r.batch_id = b.batch_id),
                       (SELECT LEFT(CAST(MIN(f.snapshot_date_key) AS nvarchar(8)), 4) + N'-' + SUBSTRING(CAST(MIN(f.snapshot_date_key) AS nvarchar(8)), 5, 2)
                        FROM staffdata.fact_staff_in_post f WHERE f.batch_id = b.batch_id)) AS period
            FROM staffdata.load_batch b
            ORDER BY b.batch_id DESC;
        """;

    public static async Task<IReadOnlyList<RecentBatch>> ReadAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        await using var connection = await SqlServerConnections.OpenAsync(connectionString, cancellationToken);
        await using var command = new SqlCommand(Statement, connection) { CommandTimeout = 15 };
        command.Parameters.AddWithValue("@Count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var batches = new List<RecentBatch>();
        if (reader.FieldCount == 0)
        {
            return batches;
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            batches.Add(new RecentBatch(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetInt64(7),
                reader.GetInt64(8),
                reader.GetInt64(9),
                reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11))
            {
                OrganisationCode = reader.IsDBNull(12) ? null : reader.GetString(12),
                Period = reader.IsDBNull(13) ? null : reader.GetString(13),
            });
        }

        return batches;
    }
}
