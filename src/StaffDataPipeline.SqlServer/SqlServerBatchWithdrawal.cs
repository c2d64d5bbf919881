using Dapper;
using Microsoft.Data.SqlClient;
using Polly;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.SqlServer;

/// <summary>Withdraws a batch on SQL Server, set-based in one transaction under the commit lock.</summary>
public sealed class SqlServerBatchWithdrawal : IBatchWithdrawal
{
    private readonly SqlServerWarehouseOptions _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _retry;

    public SqlServerBatchWithdrawal(SqlServerWarehouseOptions options, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        _retry = SqlServerConnections.Retry(options, _time);
    }

    public Task<WithdrawalResult> WithdrawAsync(WithdrawalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var attempts = 0;
        return _retry.ExecuteAsync(
            async ct =>
            {
                attempts++;
                await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
                await using var tx = (SqlTransaction)await connection.BeginTransactionAsync(ct);
                await SqlServerLocks.CommitAsync(connection, tx, _options, ct);
                var batch = await connection.QuerySingleOrDefaultAsync<BatchRow>(new CommandDefinition(
                    SqlServerStatements.BatchToWithdraw, new { batch = request.BatchId }, tx, cancellationToken: ct));
                if (batch is null)
                {
                    return new WithdrawalResult(WithdrawalOutcome.NotFound, request.BatchId);
                }

                var known = new WithdrawalResult(WithdrawalOutcome.NotLoaded, request.BatchId) { FileName = batch.FileName, Status = batch.Status };
                // A retry after a commit whose acknowledgement was lost finds its own withdrawal: report what it did.
                if (batch.Status == "withdrawn" && attempts > 1 && batch.WithdrawnBy == request.WithdrawnBy && batch.Reason == request.Reason)
                {
                    return known with { Outcome = WithdrawalOutcome.Withdrawn, Status = "loaded", WithdrawnAt = batch.WithdrawnAt, WithdrawnBy = batch.WithdrawnBy, Reason = batch.Reason };
                }

                if (batch.Status == "withdrawn")
                {
                    return known with { Outcome = WithdrawalOutcome.AlreadyWithdrawn, WithdrawnAt = batch.WithdrawnAt, WithdrawnBy = batch.WithdrawnBy, Reason = batch.Reason };
                }

                if (batch.Status != "loaded")
                {
                    return known;
                }

                using var results = await connection.QueryMultipleAsync(new CommandDefinition(
                    SqlServerStatements.WithdrawBatch,
                    new { batch = request.BatchId, at = _time.GetUtcNow(), by = request.WithdrawnBy, reason = request.Reason },
                    tx,
                    _options.CommandTimeoutSeconds,
                    cancellationToken: ct));
                var counts = await results.ReadSingleAsync<(long FactsWithdrawn, long ReturnsWithdrawn)>();
                var months = (await results.ReadAsync<(string Code, long DateKey, long Batch, string FileName, long Rows)>())
                    .Select(m => new RestoredScope(SupersededVolume.MonthScope(m.Code, m.DateKey), m.Batch, m.FileName, m.Rows)).ToList();
                var lost = (await results.ReadAsync<(string Code, long DateKey, long Batch, string FileName)>())
                    .Select(m => new UnrestorableScope(SupersededVolume.MonthScope(m.Code, m.DateKey), m.Batch, m.FileName)).ToList();
                var empty = (await results.ReadAsync<(string Code, long DateKey)>()).Select(m => SupersededVolume.MonthScope(m.Code, m.DateKey))
                    .Where(scope => lost.TrueForAll(l => l.Scope != scope)).ToList();
                var returns = (await results.ReadAsync<(string Code, string Period, string ServiceArea, long Batch, string FileName, long Lines)>())
                    .Select(r => new RestoredScope(SupersededVolume.ReturnScope(r.Code, r.Period, r.ServiceArea), r.Batch, r.FileName, r.Lines)).ToList();
                var touched = (await results.ReadAsync<(long OrganisationId, int SnapshotDateKey)>()).ToList();
                results.Dispose(); // the reader must be closed before the next command on this connection (no MARS)
                await SqlServerDerivedTables.RefreshAsync(connection, tx, touched, _options.CommandTimeoutSeconds, ct);
                await tx.CommitAsync(ct);
                return known with
                {
                    Outcome = WithdrawalOutcome.Withdrawn,
                    FactsWithdrawn = counts.FactsWithdrawn,
                    ReturnsWithdrawn = counts.ReturnsWithdrawn,
                    Restored = [.. months, .. returns],
                    Unrestorable = lost,
                    Emptied = empty,
                };
            },
            cancellationToken).AsTask();
    }

    private sealed record BatchRow(string FileName, string Status, DateTimeOffset? WithdrawnAt, string? WithdrawnBy, string? Reason);
}
