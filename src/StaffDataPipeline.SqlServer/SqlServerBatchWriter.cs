using System.Threading.Channels;
using Dapper;
using Microsoft.Data.SqlClient;
using Polly;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.SqlServer;

/// <summary>
/// One ESR file into SQL Server. Facts stream into staffdata.stage_fact through one SqlBulkCopy fed by a bounded
/// channel (the loader waits when the server is slower: memory stays flat). Nothing is visible to readers until
/// <see cref="CommitAsync"/> moves the batch into the star in one short, set-based transaction under the commit lock.
/// </summary>
internal sealed class SqlServerBatchWriter : IStaffInPostBatchWriter
{
    private const int Buffered = 20_000;
    private readonly SqlServerWarehouseOptions _options;
    private readonly BatchStart _start;
    private readonly int _ruleCount;
    private readonly ResiliencePipeline _retry;
    private readonly Channel<StagedFact> _facts = Channel.CreateBounded<StagedFact>(new BoundedChannelOptions(Buffered) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _staging;
    private readonly ITimer _heartbeat;
    private bool _closed;

    public SqlServerBatchWriter(SqlServerWarehouseOptions options, long batchId, BatchStart start, int ruleCount, TimeProvider time, ResiliencePipeline retry)
    {
        _options = options;
        _start = start;
        _ruleCount = ruleCount;
        _retry = retry;
        BatchId = batchId;
        _staging = Task.Run(() => StageAsync(_stop.Token));

        // Another host decides whether this batch is alive by its heartbeat.
        _heartbeat = time.CreateTimer(_ => Beat(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    public long BatchId { get; }

    public ValueTask AddAsync(StaffFact fact, CancellationToken cancellationToken)
    {
        var staged = new StagedFact(BatchId, fact);
        if (SqlServerBulk.TooLong(staged) is { } refused)
        {
            throw refused;
        }

        return _facts.Writer.TryWrite(staged) ? ValueTask.CompletedTask : _facts.Writer.WriteAsync(staged, cancellationToken);
    }

    public async Task<IReadOnlyList<long>> RemoveDuplicateAssignmentsAsync(CancellationToken cancellationToken)
    {
        await FlushAsync();
        return await _retry.ExecuteAsync(
            async ct =>
            {
                await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
                var rows = await connection.QueryAsync<long>(new CommandDefinition(SqlServerStatements.RemoveDuplicateAssignments, new { batch = BatchId }, commandTimeout: _options.CommandTimeoutSeconds, cancellationToken: ct));
                return (IReadOnlyList<long>)rows.Order().ToList();
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<SupersededVolume>> PreviewSupersessionAsync(CancellationToken cancellationToken)
    {
        await FlushAsync();
        return await _retry.ExecuteAsync(
            async ct =>
            {
                await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
                var rows = await connection.QueryAsync<(string Organisation, long DateKey, long Incoming, long Batch, long Facts)>(
                    new CommandDefinition(SqlServerStatements.PreviewSupersession, new { batch = BatchId }, commandTimeout: _options.CommandTimeoutSeconds, cancellationToken: ct));
                return (IReadOnlyList<SupersededVolume>)rows.Select(r => new SupersededVolume(SupersededVolume.MonthScope(r.Organisation, r.DateKey), r.Incoming, r.Batch, r.Facts)).ToList();
            },
            cancellationToken);
    }

    public async Task<CommitResult> CommitAsync(BatchSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await FlushAsync();

        // Staging survives a broken connection, so the commit transaction is retried whole on a transient error.
        var result = await _retry.ExecuteAsync(
            async ct =>
            {
                await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
                await using var tx = (SqlTransaction)await connection.BeginTransactionAsync(ct);
                await SqlServerLocks.CommitAsync(connection, tx, _options, ct);
                if (await SqlServerRetriedCommit.EsrAsync(connection, tx, BatchId, ct) is { } committed)
                {
                    return committed;
                }

                await SqlServerAudit.RecordKeyCheckAsync(connection, tx, _start.KeyCheck, summary.FinishedAt, ct);
                var superseded = (await connection.QueryAsync<(long Batch, long Facts)>(new CommandDefinition(
                    SqlServerStatements.CommitFacts, new { batch = BatchId, version = _start.TaxonomyVersion }, tx, _options.CommandTimeoutSeconds, cancellationToken: ct))).ToList();
                var facts = superseded.Sum(s => s.Facts);
                var pairs = (await connection.QueryAsync<(long, int)>(new CommandDefinition(SqlServerStatements.BatchPairs, new { batch = BatchId }, tx, _options.CommandTimeoutSeconds, cancellationToken: ct))).ToList();
                await SqlServerDerivedTables.RefreshAsync(connection, tx, pairs, _options.CommandTimeoutSeconds, ct);
                await SqlServerAudit.CloseAsync(connection, tx, BatchId, summary, BatchStatus.Loaded, facts, _start.TaxonomyVersion, _ruleCount, _options, ct);
                var changed = _start.PersonIdentifier is { } kind
                    ? (await connection.QueryAsync<string>(new CommandDefinition(SqlServerStatements.IdentifierChangedOrganisations, new { batch = BatchId, kind }, tx, _options.CommandTimeoutSeconds, cancellationToken: ct))).ToList()
                    : [];
                await tx.CommitAsync(ct);
                return new CommitResult(BatchId, facts, superseded.Select(s => s.Batch).Distinct().Order().ToList()) { IdentifierChangedOrganisations = changed };
            },
            cancellationToken);
        _closed = true;
        return result;
    }

    public async Task AbandonAsync(BatchSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await StopStagingAsync();
        await _retry.ExecuteAsync(
            async ct =>
            {
                await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
                await using var tx = (SqlTransaction)await connection.BeginTransactionAsync(ct);
                await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.DeleteStaging, new { batch = BatchId }, tx, _options.CommandTimeoutSeconds, cancellationToken: ct));
                if (await SqlServerRetriedCommit.IsClosedAsync(connection, tx, BatchId, ct))
                {
                    // A retry whose first try did close the batch: its quarantine rows are written already.
                    return;
                }

                await SqlServerAudit.AbandonAsync(connection, tx, BatchId, summary, _options, ct);
                await tx.CommitAsync(ct);
            },
            cancellationToken);
        _closed = true;
    }

    public async ValueTask DisposeAsync()
    {
        await _heartbeat.DisposeAsync();
        if (!_closed)
        {
            // Neither committed nor abandoned: cancelled or crashed. Keep nothing but say so in the audit.
            await StopStagingAsync();
            try
            {
                await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, CancellationToken.None);
                await connection.ExecuteAsync(SqlServerStatements.FailBatches, new { id = BatchId, RunningBatch.ReasonCode, RunningBatch.Message });
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Whatever the fault (an outage, a pool timeout): the next start-up fails the batch, its owner being gone.
            }
        }

        _stop.Dispose();
    }

    private async Task StageAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
            await using var rows = new RecordReader<StagedFact>(_facts.Reader.ReadAllAsync(ct), SqlServerBulk.StagedFacts, ct);
            await SqlServerBulk.CopyAsync(connection, null, "staffdata.stage_fact", rows, _options.BulkCopyBatchSize, ct);
        }
        catch (Exception ex)
        {
            // Nobody reads the channel any more: close it with the fault, so that the loader's next AddAsync fails
            // instead of waiting for room that never comes.
            _facts.Writer.TryComplete(ex);
            throw;
        }
    }

    private async Task FlushAsync()
    {
        _facts.Writer.TryComplete();
        await _staging;
    }

    private async Task StopStagingAsync()
    {
        _facts.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _staging;
        }
        catch (Exception)
        {
            // Whatever stopped staging (cancellation, an outage, a value SqlClient would not copy, which it reports as
            // InvalidOperationException) was the loader's to report; here it must not stop the batch being failed.
            // What was staged is deleted with the batch.
        }
    }

    /// <summary>
    /// Runs on a timer thread, where an escaping exception ends the process: so nothing escapes. A missed heartbeat (an
    /// outage, a pool timeout, which SqlClient reports as InvalidOperationException) is not a failed load; a long
    /// silence is what makes another host fail the batch.
    /// </summary>
    internal void Beat()
    {
        try
        {
            using var connection = new SqlConnection(_options.ConnectionString);
            connection.Open();
            connection.Execute(new CommandDefinition(SqlServerStatements.Heartbeat, new { batch = BatchId }, commandTimeout: 30));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Skipped: the next beat tries again.
        }
    }
}
