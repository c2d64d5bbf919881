using Microsoft.Data.Sqlite;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>
/// One batch's connection and IMMEDIATE transaction, and how every kind of batch ends: committed with its audit,
/// quarantine and review rows; abandoned (rolled back, outcome recorded); or interrupted (rolled back on dispose).
/// </summary>
internal abstract class SqliteBatchScope : IAsyncDisposable
{
    private readonly BatchStart _start;
    private readonly int _ruleCount;
    private readonly TimeProvider _time;
    private readonly SqliteBusyRetry _retry;
    private SqliteTransaction? _transaction;

    protected SqliteBatchScope(SqliteConnection connection, long batchId, BatchStart start, int ruleCount, TimeProvider time, SqliteBusyRetry retry)
    {
        Connection = connection;
        BatchId = batchId;
        _start = start;
        _ruleCount = ruleCount;
        _time = time;
        _retry = retry;
        _transaction = retry.Execute(() => connection.BeginTransaction(deferred: false));
    }

    public long BatchId { get; }

    protected SqliteConnection Connection { get; }

    protected string TaxonomyVersion => _start.TaxonomyVersion;

    /// <summary>For ESR files: national or local (<see cref="BatchStart.PersonIdentifier"/>); null for survey returns.</summary>
    protected string? PersonIdentifier => _start.PersonIdentifier;

    protected SqliteTransaction Transaction => _transaction ?? throw new InvalidOperationException("The batch is already closed.");

    public Task AbandonAsync(BatchSummary summary, CancellationToken cancellationToken)
    {
        StopWrites();
        Rollback();
        _retry.Execute(() => SqliteBatchAudit.Abandon(Connection, BatchId, summary));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        StopWrites();
        if (_transaction is not null)
        {
            // Neither committed nor abandoned: cancelled or crashed. Keep nothing but say so in the audit.
            Rollback();
            SqliteBatchAudit.MarkInterrupted(Connection, BatchId, _time.GetUtcNow());
        }

        DisposeCommands();
        Connection.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes what every batch records at the end, then commits.</summary>
    protected CommitResult Commit(BatchSummary summary, long supersededFacts, IReadOnlyList<long> supersededBatches)
    {
        var tx = Transaction;
        SqliteBatchAudit.RecordKeyCheck(Connection, _start.KeyCheck, summary.FinishedAt, tx);
        SqliteBatchAudit.WriteRejections(Connection, BatchId, summary, tx);
        SqliteBatchAudit.RecordReview(Connection, BatchId, summary, tx);
        SqliteBatchAudit.RecordTaxonomyVersion(Connection, _start.TaxonomyVersion, _ruleCount, summary.FinishedAt, tx);
        SqliteBatchAudit.UpdateAudit(Connection, BatchId, summary, BatchStatus.Loaded, supersededFacts, tx);
        tx.Commit();
        tx.Dispose();
        _transaction = null;
        return new CommitResult(BatchId, supersededFacts, supersededBatches);
    }

    /// <summary>Ends writes still running on another thread (and drops their failure) before the batch ends without them.</summary>
    protected virtual void StopWrites()
    {
    }

    protected virtual void DisposeCommands()
    {
    }

    private void Rollback()
    {
        _transaction?.Rollback();
        _transaction?.Dispose();
        _transaction = null;
    }
}
