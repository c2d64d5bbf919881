using Dapper;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>The embedded default warehouse: one SQLite file, nothing to install.</summary>
public sealed class SqliteWarehouse : IWarehouse, ISurveyWarehouse
{
    private readonly string _databasePath;
    private readonly ReferenceDataSet _reference;
    private readonly ILogger<SqliteWarehouse> _logger;
    private readonly TimeProvider _time;
    private bool _migrated;

    public SqliteWarehouse(string databasePath, ReferenceDataSet reference, ILogger<SqliteWarehouse> logger, TimeProvider? time = null)
    {
        _databasePath = databasePath;
        _reference = reference;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    public Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return Task.CompletedTask;
        }

        SqliteMigrations.Apply(_databasePath, _logger);
        using var connection = SqliteConnections.Open(_databasePath);
        ReferenceDimensions.Sync(connection, _reference);

        // A batch still 'running' belongs to a process that died mid-load: its transaction never committed.
        var interrupted = connection.Execute(
            "UPDATE load_batch SET status = 'failed', message = 'The loading process stopped before the batch finished; nothing of it was kept.', finished_at = started_at WHERE status = 'running'");
        if (interrupted > 0)
        {
            _logger.LogWarning("{Count} interrupted batch(es) marked failed", interrupted);
        }

        _migrated = true;
        return Task.CompletedTask;
    }

    public Task<long?> FindLoadedBatchAsync(string sha256, CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.Open(_databasePath);
        return Task.FromResult(connection.QuerySingleOrDefault<long?>("SELECT batch_id FROM load_batch WHERE sha256 = @sha256 AND status = 'loaded'", new { sha256 }));
    }

    public Task<IBatchWriter> BeginBatchAsync(BatchStart start, CancellationToken cancellationToken) =>
        Task.FromResult<IBatchWriter>(Begin(start, (connection, batchId) => new SqliteBatchWriter(connection, batchId, start, _reference.Mapper.Rules.Count, _time)));

    public Task<ISurveyBatchWriter> BeginSurveyBatchAsync(BatchStart start, Surveys.SurveyReturnHeader header, CancellationToken cancellationToken) =>
        Task.FromResult<ISurveyBatchWriter>(Begin(start, (connection, batchId) => new SqliteSurveyBatchWriter(connection, batchId, start, header, _reference.Mapper.Rules.Count, _time)));

    public Task<long> RecordRefusedFileAsync(BatchStart start, BatchSummary summary, CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.Open(_databasePath);
        var id = InsertAudit(connection, start, "rejected", summary.Message);
        connection.Execute("UPDATE load_batch SET finished_at = @finished WHERE batch_id = @id", new { finished = SqliteConnections.Timestamp(summary.FinishedAt), id });
        return Task.FromResult(id);
    }

    /// <summary>A batch starts with its 'running' audit row committed on its own, then the writer opens the data transaction.</summary>
    private T Begin<T>(BatchStart start, Func<Microsoft.Data.Sqlite.SqliteConnection, long, T> writer)
    {
        var connection = SqliteConnections.Open(_databasePath);
        try
        {
            return writer(connection, InsertAudit(connection, start, "running", null));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal static long InsertAudit(Microsoft.Data.Sqlite.SqliteConnection connection, BatchStart start, string status, string? message) =>
        connection.ExecuteScalar<long>(
            """
            INSERT INTO load_batch (file_name, sha256, extractor, taxonomy_version, status, message, started_at)
            VALUES (@FileName, @Sha256, @Extractor, @TaxonomyVersion, @status, @message, @started) RETURNING batch_id
            """,
            new { start.FileName, start.Sha256, start.Extractor, start.TaxonomyVersion, status, message, started = SqliteConnections.Timestamp(start.StartedAt) });
}
