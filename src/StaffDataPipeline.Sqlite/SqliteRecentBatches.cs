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
                   rows_rejected AS RowsRejected, started_at AS StartedAt, finished_at AS FinishedAt,
                   COALESCE(
                       (SELECT o.organisation_code FROM survey_return r JOIN dim_organisation o ON o.organisation_id = r.organisation_id WHERE r.batch_id = b.batch_id),
                       (SELECT o.organisation_code FROM dim_organisation o
                        WHERE o.organisation_id = (SELECT CASE WHEN MIN(f.organisation_id) = MAX(f.organisation_id) THEN MIN(f.organisation_id) END
                                                   FROM fact_staff_in_post f WHERE f.batch_id = b.batch_id))) AS OrganisationCode,
                   COALESCE(
                       (SELECT r.return_period FROM survey_return r WHERE r.batch_id = b.batch_id),
                       (SELECT substr(CAST(MIN(f.snapshot_date_key) AS TEXT), 1, 4) || '-' || substr(CAST(MIN(f.snapshot_date_key) AS TEXT), 5, 2)
                        FROM fact_staff_in_post f WHERE f.batch_id = b.batch_id)) AS Period
            FROM load_batch b ORDER BY batch_id DESC LIMIT @count
            """,
            new { count }).Select(r => r.ToBatch()).ToList();
    }

    // Properties, not a constructor: a column that is NULL in the first row (organisation, period) has no type to match.
    private sealed class Row
    {
        public long BatchId { get; init; }

        public string FileName { get; init; } = string.Empty;

        public string Sha256 { get; init; } = string.Empty;

        public string Extractor { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public string? ReasonCode { get; init; }

        public string? Message { get; init; }

        public long RowsRead { get; init; }

        public long RowsLoaded { get; init; }

        public long RowsRejected { get; init; }

        public string StartedAt { get; init; } = string.Empty;

        public string? FinishedAt { get; init; }

        public string? OrganisationCode { get; init; }

        public string? Period { get; init; }

        public RecentBatch ToBatch() => new(BatchId, FileName, Sha256, Extractor, Status, ReasonCode, Message, RowsRead, RowsLoaded, RowsRejected, Time(StartedAt), FinishedAt is null ? null : Time(FinishedAt))
        {
            OrganisationCode = OrganisationCode,
            Period = Period,
        };

        private static DateTimeOffset Time(string stored) => DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
