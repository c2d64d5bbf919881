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
                   b.rows_read, b.rows_loaded, b.rows_rejected, b.started_at, b.finished_at
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
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11)));
        }

        return batches;
    }
}
