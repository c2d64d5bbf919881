using System.Globalization;
using Dapper;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>The latest batches from load_batch, read-only, for the service's page of recent outcomes.</summary>
internal static class SqliteRecentBatches
{
    public static IReadOnlyList<RecentBatch> Read(string databasePath, int count)
    {
        using var connection = SqliteConnections.OpenReadOnly(databasePath);
        if (connection is null || !SqliteConnections.HasTable(connection, "load_batch"))
        {
            return [];
        }

        return connection.Query<Row>(
            """
            SELECT batch_id AS BatchId, file_name AS FileName, sha256 AS Sha256, extractor AS Extractor, status AS Status,
                   reason_code AS ReasonCode, message AS Message, rows_read AS RowsRead, rows_loaded AS RowsLoaded,
                   rows_rejected AS RowsRejected, started_at AS StartedAt, finished_at AS FinishedAt
            FROM load_batch ORDER BY batch_id DESC LIMIT @count
            """,
            new { count }).Select(r => r.ToBatch()).ToList();
    }

    private sealed record Row(long BatchId, string FileName, string Sha256, string Extractor, string Status, string? ReasonCode, string? Message, long RowsRead, long RowsLoaded, long RowsRejected, string StartedAt, string? FinishedAt)
    {
        public RecentBatch ToBatch() => new(BatchId, FileName, Sha256, Extractor, Status, ReasonCode, Message, RowsRead, RowsLoaded, RowsRejected, Time(StartedAt), FinishedAt is null ? null : Time(FinishedAt));

        private static DateTimeOffset Time(string stored) => DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
