using Dapper;
using Microsoft.Data.SqlClient;
using StaffDataPipeline.People;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.SqlServer;

/// <summary>The audit, quarantine, review and key-check writes every kind of batch shares, inside the caller's transaction.</summary>
internal static class SqlServerAudit
{
    public static async Task RecordKeyCheckAsync(SqlConnection connection, SqlTransaction tx, string? keyCheck, DateTimeOffset now, CancellationToken ct)
    {
        if (keyCheck is null)
        {
            return;
        }

        var recorded = await connection.ExecuteScalarAsync<string>(new CommandDefinition(SqlServerStatements.RecordKeyCheck, new { keyCheck, now }, tx, cancellationToken: ct));
        if (!string.Equals(recorded, keyCheck, StringComparison.Ordinal))
        {
            throw new KeyMismatchException("The warehouse was loaded with a different pseudonymisation key; this batch was rolled back.");
        }
    }

    /// <summary>Quarantined rows (bulk), review queue, taxonomy version and the audit row of a committed batch.</summary>
    public static async Task CloseAsync(SqlConnection connection, SqlTransaction tx, long batchId, BatchSummary summary, BatchStatus status, long superseded, string version, int ruleCount, SqlServerWarehouseOptions options, CancellationToken ct)
    {
        await WriteRejectionsAsync(connection, tx, batchId, summary, options, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlServerStatements.RecordReview,
            summary.Unmapped.Select(u => new { u.Key.PositionTitle, u.Key.StaffGroup, u.Key.OccupationCode, u.Key.AreaOfWork, u.Key.JobRole, Rows = u.Value, Now = summary.FinishedAt, Batch = batchId }),
            tx,
            cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.RecordTaxonomyVersion, new { version, now = summary.FinishedAt, rules = ruleCount }, tx, cancellationToken: ct));
        await UpdateAsync(connection, tx, batchId, summary, status, superseded, ct);
    }

    public static async Task AbandonAsync(SqlConnection connection, SqlTransaction tx, long batchId, BatchSummary summary, SqlServerWarehouseOptions options, CancellationToken ct)
    {
        await WriteRejectionsAsync(connection, tx, batchId, summary, options, ct);
        await UpdateAsync(connection, tx, batchId, summary, summary.Status == BatchStatus.Rejected ? BatchStatus.Rejected : BatchStatus.Failed, 0, ct);
    }

    private static async Task WriteRejectionsAsync(SqlConnection connection, SqlTransaction tx, long batchId, BatchSummary summary, SqlServerWarehouseOptions options, CancellationToken ct)
    {
        if (summary.Rejections.Count == 0)
        {
            return;
        }

        await using var rows = new RecordReader<(long, Normalisation.RowRejection)>(summary.Rejections.Select(r => (batchId, r)), SqlServerBulk.Rejections);
        await SqlServerBulk.CopyAsync(connection, tx, "staffdata.rejected_row", rows, options.BulkCopyBatchSize, ct);
    }

    private static Task<int> UpdateAsync(SqlConnection connection, SqlTransaction tx, long batchId, BatchSummary summary, BatchStatus status, long superseded, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            SqlServerStatements.UpdateAudit,
            new
            {
                status = BatchStatusText.Of(status),
                summary.Message,
                summary.ReasonCode,
                summary.Counts.Read,
                Loaded = status == BatchStatus.Loaded ? summary.Counts.Loaded : 0,
                summary.Counts.OutOfScope,
                summary.Counts.Excluded,
                summary.Counts.Rejected,
                superseded,
                finished = summary.FinishedAt,
                batch = batchId,
            },
            tx,
            cancellationToken: ct));
}
