using Dapper;
using Microsoft.Data.SqlClient;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.SqlServer;

/// <summary>
/// Makes a retried commit or abandon idempotent, keyed on the batch: when the first try committed but its
/// acknowledgement was lost (a broken connection after COMMIT), the retry finds the batch closed, under the commit
/// lock, and reports what the first try did instead of writing the quarantine and adding the review counts again.
/// </summary>
internal static class SqlServerRetriedCommit
{
    public static async Task<string?> StatusAsync(SqlConnection connection, SqlTransaction tx, long batchId, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SqlServerStatements.BatchStatusOf, new { batch = batchId }, tx, cancellationToken: ct));

    public static async Task<bool> IsClosedAsync(SqlConnection connection, SqlTransaction tx, long batchId, CancellationToken ct) =>
        await StatusAsync(connection, tx, batchId, ct) is { } status && status != "running";

    /// <summary>The ESR batch's result as its committed first try recorded it, or null while it is still to commit.</summary>
    public static async Task<CommitResult?> EsrAsync(SqlConnection connection, SqlTransaction tx, long batchId, CancellationToken ct)
    {
        if (await StatusAsync(connection, tx, batchId, ct) != "loaded")
        {
            return null;
        }

        var superseded = (await connection.QueryAsync<(long Batch, long Facts)>(new CommandDefinition(SqlServerStatements.SupersededByBatch, new { batch = batchId }, tx, cancellationToken: ct))).ToList();
        return new CommitResult(batchId, superseded.Sum(s => s.Facts), superseded.Select(s => s.Batch).Distinct().Order().ToList());
    }

    /// <summary>The survey batch's result as its committed first try recorded it, or null while it is still to commit.</summary>
    public static async Task<CommitResult?> SurveyAsync(SqlConnection connection, SqlTransaction tx, long batchId, CancellationToken ct)
    {
        if (await StatusAsync(connection, tx, batchId, ct) != "loaded")
        {
            return null;
        }

        var earlier = (await connection.QueryAsync<(long Batch, long Facts)>(new CommandDefinition(SqlServerStatements.ReturnsSupersededByBatch, new { batch = batchId }, tx, cancellationToken: ct))).ToList();
        return new CommitResult(batchId, earlier.Sum(e => e.Facts), earlier.Select(e => e.Batch).Order().ToList());
    }
}
